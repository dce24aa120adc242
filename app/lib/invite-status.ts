/** Whether an invite link can still be used, for the chair's list. */
import type { InviteInfo } from "../../core/services";

export type InviteStatus = "active" | "expired" | "revoked" | "used-up";

export function inviteStatus(invite: InviteInfo, now: number): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (Date.parse(invite.expiresAt) <= now) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used-up";
  return "active";
}

export function inviteUrl(origin: string, token: string): string {
  return `${origin}/invite/${token}`;
}
