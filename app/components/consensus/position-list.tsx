/** The standing position of each participating delegation on a row, or "has not spoken". */
import { t } from "~/i18n";
import type { RowConsensusView } from "../../../core/consensus-contract";
import { useConsensus } from "./consensus-context";

interface Props {
  view: RowConsensusView;
  title: string;
}

export function PositionList({ view, title }: Props) {
  const { data, formatTime } = useConsensus();
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
          >
            <span className="position-delegation">{delegation.name}</span>{" "}
            <strong className="position-value">
              {position ? t(`positions.${position.position}`) : t("positions.notSpoken")}
            </strong>
            {position?.text && <span className="position-text">{position.text}</span>}
            {position && (
              <span className="position-meta muted">
                {t("positions.recordedBy", { name: position.recordedByName, time: formatTime(position.recordedAt) })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
