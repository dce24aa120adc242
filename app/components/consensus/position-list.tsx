/** The standing position of each participating delegation on a row, or "has not spoken". */
import { delegationName, t } from "~/i18n";
import type { RowConsensusView } from "../../../core/consensus-contract";
import { useConsensus } from "./consensus-context";
import { Message } from "../message";
import { RenewPosition } from "./renew-position";

interface Props {
  view: RowConsensusView;
  title: string;
}

export function PositionList({ view, title }: Props) {
  const { data, formatTime, canRecord } = useConsensus();
  const participants = data?.consensus.participants ?? [];
  if (participants.length === 0) return <p className="muted">{t("positions.noParticipants")}</p>;
  const byCode = new Map(view.positions.map((p) => [p.delegationCode, p]));
  return (
    <ul className="position-list" aria-label={t("positions.listLabel", { title })} data-testid="position-list">
      {participants.map((delegation) => {
        const position = byCode.get(delegation.code);
        return (
          <li
            key={delegation.code}
            className={`position-entry position-${position?.position ?? "none"}`}
            data-testid="position-entry"
            data-delegation={delegation.code}
            data-position={position?.position ?? "none"}
            data-current={position ? String(position.current) : undefined}
          >
            <bdi className="position-delegation">{delegationName(delegation.code, delegation.name)}</bdi>{" "}
            <strong className="position-value">
              {position ? t(`positions.${position.position}`) : t("positions.notSpoken")}
            </strong>
            {position && !position.current && (
              <span className="position-stale" data-testid="position-stale">
                {t("positions.earlierText")}
              </span>
            )}
            {position?.text && (
              <span className="position-text">
                <bdi>{position.text}</bdi>
              </span>
            )}
            {position && (
              <span className="position-meta muted">
                <Message
                  id="positions.recordedBy"
                  values={{ name: <bdi>{position.recordedByName}</bdi>, time: formatTime(position.recordedAt) }}
                />
              </span>
            )}
            {position && !position.current && canRecord && delegation.code === data?.me.delegationCode && (
              <RenewPosition position={position} title={title} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
