/** The members of a board: name, delegation and its standing, role; the chair also gets the controls of each row. */
import { delegationName, t } from "~/i18n";
import type { BoardMemberInfo } from "../../../core/services";
import { MemberControls } from "./member-controls";
import { standingLabel } from "~/lib/forum-labels";
import type { BoardForum } from "../../../core/domain";

type Member = Omit<BoardMemberInfo, "email"> & { email: string | null };

interface Props {
  members: readonly Member[];
  selfId: string;
  canManage: boolean;
  forum: BoardForum;
}

export function MemberTable({ members, selfId, canManage, forum }: Props) {
  return (
    <table className="table" data-testid="member-table">
      <thead>
        <tr>
          <th scope="col">{t("members.name")}</th>
          <th scope="col">{t("members.delegation")}</th>
          <th scope="col">{t("forums.standing")}</th>
          <th scope="col">{t("members.role")}</th>
          {canManage && <th scope="col">{t("members.actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.userId} data-testid="member-row" data-user-id={member.userId} data-role={member.role}>
            <th scope="row">
              <bdi>{member.displayName}</bdi>{" "}
              {member.userId === selfId && <span className="muted">{t("members.you")}</span>}
              {member.email && <div className="muted small">{member.email}</div>}
            </th>
            <td>{delegationName(member.delegation.code, member.delegation.name)}</td>
            <td data-testid="member-standing">{standingLabel(forum, member.delegation)}</td>
            <td data-testid="member-role">{t(`roles.${member.role}`)}</td>
            {canManage && (
              <td>
                <MemberControls userId={member.userId} name={member.displayName} role={member.role} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
