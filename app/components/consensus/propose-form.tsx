/**
 * The chair proposes a row for agreement: by consensus (the chair then
 * declares it) or under silence procedure until a deadline. The deadline is
 * typed in local time; the browser's UTC offset goes along so the server can
 * turn it into an instant.
 */
import { useId, useState } from "react";
import { t } from "~/i18n";
import { timezoneOffsetAt, toDateTimeLocalValue } from "~/lib/local-time";
import { errorProps, FieldError } from "../field-error";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "./consensus-form";

interface Props {
  rowId: string;
  title: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function ProposeForm({ rowId, title }: Props) {
  const fetcher = useConsensusFetcher();
  const formId = useId();
  const [procedure, setProcedure] = useState<"consensus" | "silence">("consensus");
  const [deadline, setDeadline] = useState(() => toDateTimeLocalValue(new Date(Date.now() + DAY_MS)));
  // "Ends in 5 min": a deadline within the meeting; when given it wins over the date (the server counts it).
  const [minutes, setMinutes] = useState("");
  const [seconds, setSeconds] = useState("");
  const shortDeadline = minutes.trim() !== "" || seconds.trim() !== "";
  const errors = fieldErrorsOf(fetcher);
  return (
    <ConsensusForm
      fetcher={fetcher}
      intent="propose"
      fields={{ rowId }}
      className="propose-form"
      data-testid="propose-form"
    >
      <fieldset {...errorProps(formId, "procedure", errors.procedure)}>
        <legend>{t("workflow.procedure")}</legend>
        {(["consensus", "silence"] as const).map((value) => (
          <label key={value} className="choice-inline">
            <input
              type="radio"
              name="procedure"
              value={value}
              checked={procedure === value}
              onChange={() => setProcedure(value)}
            />
            {value === "consensus" ? t("workflow.procedureConsensus") : t("workflow.procedureSilence")}
          </label>
        ))}
      </fieldset>
      <FieldError formId={formId} field="procedure" message={errors.procedure} />
      {procedure === "silence" && (
        <div className="form-field">
          <label htmlFor={`${formId}-deadline`}>{t("workflow.deadline")}</label>
          <input
            id={`${formId}-deadline`}
            type="datetime-local"
            name="silenceDeadline"
            step={1}
            required={!shortDeadline}
            disabled={shortDeadline}
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
            {...errorProps(formId, "silenceDeadline", errors.silenceDeadline)}
          />
          <input type="hidden" name="timezoneOffset" value={timezoneOffsetAt(deadline)} />
          <div className="inline-fields">
            <label>
              {t("workflow.silenceMinutes")}{" "}
              <input
                type="number"
                name="silenceMinutes"
                min={0}
                inputMode="numeric"
                className="input-narrow"
                value={minutes}
                onChange={(event) => setMinutes(event.target.value)}
                aria-describedby={`${formId}-short-hint`}
                data-testid="silence-minutes"
              />
            </label>{" "}
            <label>
              {t("workflow.silenceSeconds")}{" "}
              <input
                type="number"
                name="silenceSeconds"
                min={0}
                max={59}
                inputMode="numeric"
                className="input-narrow"
                value={seconds}
                onChange={(event) => setSeconds(event.target.value)}
                data-testid="silence-seconds"
              />
            </label>
          </div>
          <p id={`${formId}-short-hint`} className="hint">
            {t("workflow.silenceShortHint")}
          </p>
          <FieldError formId={formId} field="silenceDeadline" message={errors.silenceDeadline} />
        </div>
      )}
      <FieldError formId={formId} field="rowId" message={errors.rowId} alert />
      <button
        type="submit"
        className="button button-small"
        aria-label={t("workflow.proposeFor", { title })}
        data-testid="propose-submit"
      >
        {t("workflow.propose")}
      </button>
    </ConsensusForm>
  );
}
