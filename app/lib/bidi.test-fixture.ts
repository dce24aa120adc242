import type { ActivityItem } from "../../core/services";

export function ActivityItemFixture(overrides: Partial<ActivityItem>): ActivityItem {
  return {
    id: 1,
    at: "2026-01-01T00:00:00.000Z",
    kind: "row-added",
    actorName: "Anna",
    delegationCode: "DE",
    delegationName: "Germany",
    rowTitle: "Row",
    detail: {},
    ...overrides,
  };
}
