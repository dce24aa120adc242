/** Chair: the board's invite links with their status; active ones can be revoked. */
import { useFetcher } from "@remix-run/react";
import { formatDate, t, type MessageKey } from "~/i18n";
import type { InviteStatus } from "~/lib/invite-status";
import type { MemberActionResult } from "~/lib/member-forms";
import type { InviteInfo } from "../../../core/services";
import { CsrfField } from "../csrf-field";

const STATUS_KEYS: Record<InviteStatus, MessageKey> = {
  active: "members.status_active",
  expired: "members.status_expired",
  revoked: "members.status_revoked",
  "used-up": "members.status_used_up",
};

interface Props {
  invites: readonly (InviteInfo & { status: InviteStatus })[];
}

function InviteRow({ invite }: { invite: InviteInfo & { status: InviteStatus } }) {
  const fetcher = useFetcher<MemberActionResult>();
  const uses =
    invite.maxUses === null
      ? t("members.usesUnlimited", { uses: invite.uses })
      : t("members.usesCount", { uses: invite.uses, max: invite.maxUses });
  return (
    <li className="invite-item" data-testid="invite-item" data-status={invite.status}>
      <span className={`badge invite-status invite-${invite.status}`}>{t(STATUS_KEYS[invite.status])}</span>
      <span>
        {t("members.inviteSummary", { role: t(`roles.${invite.role}`), uses, expires: formatDate(invite.expiresAt) })}
      </span>
      {invite.status === "active" && (
        <fetcher.Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="revoke-invite" />
          <input type="hidden" name="inviteId" value={invite.id} />
          <button
            type="submit"
            className="button button-small"
            disabled={fetcher.state !== "idle"}
            aria-label={t("members.revokeLabel", { created: formatDate(invite.createdAt) })}
          >
            {t("members.revoke")}
          </button>
        </fetcher.Form>
      )}
    </li>
  );
}

export function InviteList({ invites }: Props) {
  return (
    <section className="panel" aria-labelledby="invites-heading">
      <h2 id="invites-heading">{t("members.invitesHeading")}</h2>
      {invites.length === 0 ? (
        <p className="muted">{t("members.noInvites")}</p>
      ) : (
        <ul className="invite-list" data-testid="invite-list">
          {invites.map((invite) => (
            <InviteRow key={invite.id} invite={invite} />
          ))}
        </ul>
      )}
    </section>
  );
}
