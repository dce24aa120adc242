/** zod schemas of the members page's forms, the invite link and the activity query. */
import * as z from "../../core/zod";
import { ref } from "../i18n";
import { BOARD_ROLES } from "../../core/services";

export const INVITE_HOURS_MIN = 1;
export const INVITE_HOURS_MAX = 720;

const role = z.enum(BOARD_ROLES, { error: ref("forms.invalidChoice") });
const userId = z.string().min(1).max(64);

export const ChangeRoleFormSchema = z.object({ userId, role });
export const RemoveMemberFormSchema = z.object({ userId });
export const RevokeInviteFormSchema = z.object({ inviteId: z.string().min(1).max(64) });

export const AddMemberFormSchema = z.object({
  email: z
    .string({ error: ref("account.emailRequired") })
    .trim()
    .min(1, ref("account.emailRequired"))
    .max(254)
    .pipe(z.email({ error: ref("account.emailInvalid") })),
  role,
});

const hoursMessage = ref("members.expiryRange", { min: INVITE_HOURS_MIN, max: INVITE_HOURS_MAX });

export const CreateInviteFormSchema = z
  .object({
    role,
    expiresInHours: z.coerce
      .number({ error: hoursMessage })
      .int(hoursMessage)
      .min(INVITE_HOURS_MIN, hoursMessage)
      .max(INVITE_HOURS_MAX, hoursMessage),
    uses: z.enum(["single", "multi"], { error: ref("forms.invalidChoice") }),
  })
  .transform(({ role, expiresInHours, uses }) => ({ role, expiresInHours, maxUses: uses === "single" ? 1 : null }));

/** Invite tokens are 32 random bytes, base64url. */
export const InviteTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Delegation codes: ISO country codes and short institution codes (NATO-IS, EEAS…). */
const DelegationCodeSchema = z.string().regex(/^[A-Z][A-Z-]{1,15}$/);

export const ActivityQuerySchema = z.object({ delegation: DelegationCodeSchema.optional() });

const MEMBER_INTENTS = ["change-role", "remove", "add", "create-invite", "revoke-invite", "change-forum"] as const;
export type MemberIntent = (typeof MEMBER_INTENTS)[number];
export const MemberIntentSchema = z.enum(MEMBER_INTENTS);

/** What the members page's action answers (each form reads its own intent's result). */
export interface MemberActionResult {
  intent: MemberIntent | null;
  ok: boolean;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** create-invite only: the link's secret, shown once. */
  token?: string;
  inviteRole?: (typeof BOARD_ROLES)[number];
}
