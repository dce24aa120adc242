/** Everyone on the board as initials in a coloured circle; name and delegation on hover and for screen readers. */
import type { PresenceEntry } from "~/hooks/use-presence";
import { compareNames, delegationName, t } from "~/i18n";
import { initialsOf, readableTextColor } from "~/lib/initials";
import { colorFor, type PresenceUser } from "../../../core/presence";

/** This person as the server will stamp them into presence (shown until our stamped state arrives). */
export interface PresenceSelf {
  id: string;
  name: string;
  delegation: string;
  delegationCode?: string;
}

interface Props {
  entries: readonly PresenceEntry[];
  self: PresenceSelf;
}

/** One avatar per person (several tabs of one person show once), yourself first. */
function people(entries: readonly PresenceEntry[], self: PresenceSelf): { user: PresenceUser; isSelf: boolean }[] {
  const byId = new Map<string, { user: PresenceUser; isSelf: boolean }>();
  for (const entry of entries) {
    const isSelf = entry.isLocal || entry.user.id === self.id;
    const key = isSelf ? "\u0000self" : entry.user.id;
    if (!byId.has(key)) byId.set(key, { user: entry.user, isSelf });
  }
  // Our own state only carries `user` once the server has stamped it: show us meanwhile.
  if (!byId.has("\u0000self")) {
    byId.set("\u0000self", { user: { ...self, color: colorFor(self.id) }, isSelf: true });
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || compareNames(a.user.name, b.user.name),
  );
}

export function PresenceAvatars({ entries, self }: Props) {
  return (
    <ul className="presence" aria-label={t("presence.label")}>
      {people(entries, self).map(({ user, isSelf }) => {
        const delegation = delegationName(user.delegationCode ?? "", user.delegation);
        const label = t(isSelf ? "presence.self" : "presence.person", { name: user.name, delegation });
        return (
          <li
            key={isSelf ? "self" : user.id}
            className={isSelf ? "avatar avatar-self" : "avatar"}
            data-testid="presence-avatar"
            data-self={isSelf || undefined}
            data-user-id={user.id}
            title={label}
            aria-label={label}
            style={{ backgroundColor: user.color, color: readableTextColor(user.color) }}
          >
            <span aria-hidden="true">{initialsOf(user.name)}</span>
            {isSelf && (
              <span className="avatar-you" aria-hidden="true">
                {t("common.you")}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
