import { describe, expect, it } from "vitest";
import type { DelegationInfo } from "../../core/services";
import { groupDelegations } from "./delegation-groups";

const d = (
  code: string,
  name: string,
  nato: boolean,
  eu: boolean,
  institution = false,
  partner = false,
): DelegationInfo => ({
  code,
  name,
  nato,
  eu,
  partner,
  institution,
});

describe("delegation groups", () => {
  it("FORUM-1 orders NATO & EU, NATO only, EU only, partners, institutions; names sorted; empty groups dropped", () => {
    const groups = groupDelegations([
      d("US", "United States", true, false),
      d("EEAS", "European External Action Service", false, false, true),
      d("FR", "France", true, true),
      d("DE", "Germany", true, true),
      d("CA", "Canada", true, false),
      d("KR", "Republic of Korea", false, false, false, true),
      d("JP", "Japan", false, false, false, true),
    ]);
    expect(groups.map((g) => [g.group, g.delegations.map((x) => x.code)])).toEqual([
      ["both", ["FR", "DE"]],
      ["nato", ["CA", "US"]],
      ["partner", ["JP", "KR"]],
      ["institution", ["EEAS"]],
    ]);
  });
});
