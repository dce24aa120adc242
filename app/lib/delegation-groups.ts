/** Delegations grouped for the sign-up select: NATO & EU, NATO only, EU only, partners, institutions. */
import { compareNames, delegationName } from "../i18n";
import type { DelegationInfo } from "../../core/services";

const DELEGATION_GROUPS = ["both", "nato", "eu", "partner", "institution"] as const;
export type DelegationGroup = (typeof DELEGATION_GROUPS)[number];

function groupOf(delegation: DelegationInfo): DelegationGroup {
  if (delegation.institution) return "institution";
  if (delegation.nato && delegation.eu) return "both";
  if (delegation.nato) return "nato";
  return delegation.eu ? "eu" : "partner";
}

/** Non-empty groups in a fixed order, each named in the reader's language (I18N-11) and sorted by that name. */
export function groupDelegations(
  delegations: readonly DelegationInfo[],
): { group: DelegationGroup; delegations: DelegationInfo[] }[] {
  return DELEGATION_GROUPS.map((group) => ({
    group,
    delegations: delegations
      .filter((d) => groupOf(d) === group)
      .map((d) => ({ ...d, name: delegationName(d.code, d.name) }))
      .sort((a, b) => compareNames(a.name, b.name)),
  })).filter((entry) => entry.delegations.length > 0);
}
