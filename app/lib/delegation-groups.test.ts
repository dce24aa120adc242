import { describe, expect, it } from "vitest";
import type { DelegationInfo } from "../../core/services";
import { groupDelegations } from "./delegation-groups";

const d = (code: string, name: string, nato: boolean, eu: boolean, institution = false): DelegationInfo => ({
  code,
  name,
  nato,
  eu,
  institution,
});

describe("delegation groups", () => {
  it("orders NATO & EU, NATO only, EU only, institutions; names sorted; empty groups dropped", () => {
    const groups = groupDelegations([
      d("US", "United States", true, false),
      d("EEAS", "European External Action Service", false, false, true),
      d("FR", "France", true, true),
      d("DE", "Germany", true, true),
      d("CA", "Canada", true, false),
    ]);
    expect(groups.map((g) => [g.group, g.delegations.map((x) => x.code)])).toEqual([
      ["both", ["FR", "DE"]],
      ["nato", ["CA", "US"]],
      ["institution", ["EEAS"]],
    ]);
  });
});
