/**
 * Records my delegation's position on a row: one of the five values, with the
 * reservation text or the reason for objecting when those are chosen.
 */
import { useId, useState } from "react";
import { t } from "~/i18n";
import { positionRefusalNote } from "~/lib/forum-labels";
import { POSITION_VALUES, type PositionValue } from "../../../core/consensus";
import type { RowConsensusView } from "../../../core/consensus-contract";
import { errorProps, FieldError } from "../field-error";
import { useConsensus } from "./consensus-context";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "./consensus-form";

interface Props {
  view: RowConsensusView;
  title: string;
}

const needsText = (position: string) => position === "reserve" || position === "object";

export function PositionForm({ view, title }: Props) {
  const { data, canRecord, role, nameOf } = useConsensus();
  if (!data) return null;
  const myCode = data.me.delegationCode;
  const myDelegation = nameOf(myCode);
  if (!canRecord)
    return <p className="muted">{role === "observer" ? t("positions.observerNote") : t("board.readOnlyArchived")}</p>;
  if (!data.consensus.participants.some((d) => d.code === myCode)) {
    // Why not, in the forum's terms (decision 018): a partner, an institution, or outside this forum.
    const mine = data.members.find((member) => member.userId === data.me.id)?.delegation;
    const note = mine ? positionRefusalNote(data.consensus.forum, mine) : null;
    return (
      <p className="muted" data-testid="position-refusal">
        {note ?? t("positions.institutionNote", { delegation: myDelegation })}
      </p>
    );
  }
  if (view.workflow.state === "agreed") return <p className="muted">{t("positions.lockedNote")}</p>;
  const standing = view.positions.find((p) => p.delegationCode === myCode);
  // Starts from the standing position; the list above shows later changes by colleagues.
  return (
    <PositionFormFields
      rowId={view.rowId}
      title={title}
      delegation={myDelegation}
      initial={standing?.position ?? ""}
      initialText={standing?.text ?? ""}
    />
  );
}

interface FieldsProps {
  rowId: string;
  title: string;
  delegation: string;
  initial: PositionValue | "";
  initialText: string;
}

function PositionFormFields({ rowId, title, delegation, initial, initialText }: FieldsProps) {
  const fetcher = useConsensusFetcher();
  const formId = useId();
  const [position, setPosition] = useState<string>(initial);
  const [text, setText] = useState(initialText);
  const [recorded, setRecorded] = useState(false);
  const errors = fieldErrorsOf(fetcher);
  const busy = fetcher.state !== "idle";
  return (
    <ConsensusForm
      fetcher={fetcher}
      intent="record-position"
      fields={{ rowId }}
      className="position-form"
      data-testid="position-form"
      onSuccess={() => setRecorded(true)}
    >
      <fieldset className="choices-compact" {...errorProps(formId, "position", errors.position)}>
        <legend>{t("positions.formLegend", { delegation })}</legend>
        {POSITION_VALUES.map((value) => (
          <label key={value} className="choice-inline">
            <input
              type="radio"
              name="position"
              value={value}
              checked={position === value}
              onChange={() => {
                setPosition(value);
                setRecorded(false);
              }}
            />
            {t(`positions.${value}`)}
          </label>
        ))}
      </fieldset>
      <FieldError formId={formId} field="position" message={errors.position} />
      {needsText(position) && (
        <div className="form-field">
          <label htmlFor={`${formId}-text`}>
            {position === "reserve" ? t("positions.reservation") : t("positions.objection")}
          </label>
          <textarea
            id={`${formId}-text`}
            name="text"
            rows={2}
            required
            maxLength={2000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            {...errorProps(formId, "text", errors.text)}
          />
          <FieldError formId={formId} field="text" message={errors.text} />
        </div>
      )}
      <FieldError formId={formId} field="rowId" message={errors.rowId} alert />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={position === ""}
          aria-label={t("positions.recordFor", { title })}
        >
          {busy ? t("positions.recording") : t("positions.record")}
        </button>
        <span role="status" className="form-status">
          {recorded ? t("positions.recorded") : ""}
        </span>
      </div>
    </ConsensusForm>
  );
}
