/**
 * The brackets part of a row's panel (decision 020): each bracket's sides (the current text first), who
 * sponsors each alternative, join / leave for delegations, choose for the chair, and a form to propose one.
 */
import { useId, useState } from "react";
import { delegationName, formatList, t } from "~/i18n";
import { bracketWords } from "~/lib/bracket-words";
import {
  bracketValueText,
  currentBracketValue,
  type BracketAlternativeView,
  type BracketView,
} from "../../../core/bracket-contract";
import { LEADS, RESPONSIBILITIES, type ThreatRow } from "../../../core/board-doc";
import { errorProps, FieldError } from "../field-error";
import { useConsensus } from "../consensus/consensus-context";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "../consensus/consensus-form";
import { useRowBrackets } from "./use-row-brackets";

interface Props {
  row: ThreatRow;
  title: string;
}

export function BracketsSection({ row, title }: Props) {
  const { canRecord, isChair } = useConsensus();
  const headingId = useId();
  const brackets = useRowBrackets(row.id);
  return (
    <section
      className="panel-section"
      aria-labelledby={headingId}
      data-section="brackets"
      data-testid="brackets-section"
    >
      <h3 id={headingId} tabIndex={-1}>
        {t("brackets.heading")}
      </h3>
      {brackets.length === 0 && <p className="muted small">{t("brackets.none")}</p>}
      {brackets.map((bracket) => (
        <BracketSides key={bracket.id} bracket={bracket} row={row} title={title} isChair={isChair} />
      ))}
      {canRecord && <ProposeAlternativeForm row={row} />}
    </section>
  );
}

function BracketSides({
  bracket,
  row,
  title,
  isChair,
}: {
  bracket: BracketView;
  row: ThreatRow;
  title: string;
  isChair: boolean;
}) {
  const current = bracketValueText(currentBracketValue(row, bracket.field), bracketWords());
  const label = t(bracket.field === "title" ? "brackets.fieldTitle" : "brackets.fieldResponsibility");
  return (
    <div className="bracket" data-testid="bracket" data-field={bracket.field}>
      <h4>{label}</h4>
      <ul className="plain-list bracket-sides">
        <li data-testid="bracket-current">
          [{t("brackets.currentSide", { value: current })}]
          {isChair && <ChooseButton bracketId={bracket.id} choice="current" value={current} title={title} />}
        </li>
        {bracket.alternatives.map((alternative) => (
          <AlternativeItem
            key={alternative.id}
            alternative={alternative}
            bracketId={bracket.id}
            title={title}
            isChair={isChair}
          />
        ))}
      </ul>
    </div>
  );
}

function AlternativeItem({
  alternative,
  bracketId,
  title,
  isChair,
}: {
  alternative: BracketAlternativeView;
  bracketId: number;
  title: string;
  isChair: boolean;
}) {
  const { canRecord, data } = useConsensus();
  const sponsorship = useConsensusFetcher();
  const formId = useId();
  const value = bracketValueText(alternative.value, bracketWords());
  const mine = data?.me.delegationCode;
  const sponsoring = alternative.sponsors.some((sponsor) => sponsor.delegationCode === mine);
  return (
    <li data-testid="bracket-alternative">
      <span data-testid="bracket-alternative-value">[{value}]</span>{" "}
      <span className="muted small" data-testid="bracket-sponsors">
        {t("brackets.sponsoredBy", {
          names: formatList(
            alternative.sponsors.map((sponsor) => delegationName(sponsor.delegationCode, sponsor.delegationName)),
          ),
        })}
      </span>
      {canRecord && (
        <ConsensusForm
          fetcher={sponsorship}
          intent={sponsoring ? "bracket-leave" : "bracket-join"}
          fields={{ alternativeId: String(alternative.id) }}
          className="inline-form"
        >
          <button
            type="submit"
            className="button button-small"
            aria-label={t(sponsoring ? "brackets.leaveLabel" : "brackets.joinLabel", { value })}
            data-testid={sponsoring ? "bracket-leave" : "bracket-join"}
          >
            {t(sponsoring ? "brackets.leave" : "brackets.join")}
          </button>
          <FieldError formId={formId} field="alternativeId" message={fieldErrorsOf(sponsorship).alternativeId} alert />
        </ConsensusForm>
      )}
      {isChair && <ChooseButton bracketId={bracketId} choice={String(alternative.id)} value={value} title={title} />}
    </li>
  );
}

function ChooseButton({
  bracketId,
  choice,
  value,
  title,
}: {
  bracketId: number;
  choice: string;
  value: string;
  title: string;
}) {
  const resolve = useConsensusFetcher();
  const formId = useId();
  return (
    <ConsensusForm
      fetcher={resolve}
      intent="bracket-resolve"
      fields={{ bracketId: String(bracketId), choice }}
      className="inline-form"
    >
      <button
        type="submit"
        className="button button-small"
        aria-label={t("brackets.chooseLabel", { value, title })}
        data-testid="bracket-choose"
      >
        {t("brackets.choose")}
      </button>
      <FieldError formId={formId} field="choice" message={fieldErrorsOf(resolve).choice} alert />
    </ConsensusForm>
  );
}

function ProposeAlternativeForm({ row }: { row: ThreatRow }) {
  const propose = useConsensusFetcher();
  const formId = useId();
  const [field, setField] = useState<"responsibility" | "title">("responsibility");
  const [responsibility, setResponsibility] = useState<string>(row.responsibility === "NATO" ? "EU" : "NATO");
  const errors = fieldErrorsOf(propose);
  return (
    <ConsensusForm
      fetcher={propose}
      intent="bracket-propose"
      fields={{ rowId: row.id }}
      className="stacked-form"
      aria-labelledby={`${formId}-heading`}
      data-testid="bracket-propose-form"
    >
      <h4 id={`${formId}-heading`}>{t("brackets.proposeHeading")}</h4>
      <label htmlFor={`${formId}-field`}>{t("brackets.field")}</label>
      <select
        id={`${formId}-field`}
        name="field"
        value={field}
        onChange={(event) => setField(event.target.value as "responsibility" | "title")}
        data-testid="bracket-field"
      >
        <option value="responsibility">{t("brackets.fieldResponsibility")}</option>
        <option value="title">{t("brackets.fieldTitle")}</option>
      </select>
      {field === "responsibility" ? (
        <>
          <label htmlFor={`${formId}-responsibility`}>{t("brackets.responsibility")}</label>
          <select
            id={`${formId}-responsibility`}
            name="responsibility"
            value={responsibility}
            onChange={(event) => setResponsibility(event.target.value)}
            data-testid="bracket-responsibility-input"
          >
            {RESPONSIBILITIES.map((value) => (
              <option key={value} value={value}>
                {t(`responsibility.${value}`)}
              </option>
            ))}
          </select>
          <FieldError formId={formId} field="responsibility" message={errors.responsibility} />
          {responsibility === "Shared" && (
            <>
              <label htmlFor={`${formId}-lead`}>{t("brackets.lead")}</label>
              <select id={`${formId}-lead`} name="lead" defaultValue="EU" data-testid="bracket-lead-input">
                {LEADS.map((lead) => (
                  <option key={lead} value={lead}>
                    {t(`lead.${lead}`)}
                  </option>
                ))}
              </select>
              <FieldError formId={formId} field="lead" message={errors.lead} />
            </>
          )}
        </>
      ) : (
        <>
          <label htmlFor={`${formId}-title`}>{t("brackets.title")}</label>
          <input
            id={`${formId}-title`}
            name="title"
            maxLength={300}
            {...errorProps(formId, "title", errors.title)}
            data-testid="bracket-title-input"
          />
          <FieldError formId={formId} field="title" message={errors.title} />
        </>
      )}
      <FieldError formId={formId} field="rowId" message={errors.rowId} alert />
      <button type="submit" className="button button-primary button-small" data-testid="bracket-submit">
        {t("brackets.submit")}
      </button>
    </ConsensusForm>
  );
}
