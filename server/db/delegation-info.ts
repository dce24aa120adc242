/** Delegations as the app sees them: one select and one mapping for every query that returns them. */
import type { DelegationInfo } from "../../core/domain";

export const delegationInfoSelect = {
  code: true,
  name: true,
  nato: true,
  eu: true,
  partner: true,
  institution: true,
} as const;

/** `partner` is a nullable column (added without redefining the table): null reads as "not a partner". */
export function toDelegationInfo(row: Omit<DelegationInfo, "partner"> & { partner: boolean | null }): DelegationInfo {
  return {
    code: row.code,
    name: row.name,
    nato: row.nato,
    eu: row.eu,
    partner: row.partner ?? false,
    institution: row.institution,
  };
}
