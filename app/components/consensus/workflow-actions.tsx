/** The chair declares a row agreed (only when nobody objects and everyone has spoken; otherwise says why) or reopens it. */
import { useId } from "react";
import { t } from "~/i18n";
import type { RowConsensusView } from "../../../core/consensus-contract";
import { declareBlocker } from "~/lib/consensus-labels";
import { FieldError } from "../field-error";
import { useConsensus } from "./consensus-context";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "./consensus-form";

interface Props {
  view: RowConsensusView;
  title: string;
}

export function WorkflowActions({ view, title }: Props) {
  const { nameOf } = useConsensus();
  const declare = useConsensusFetcher();
  const reopen = useConsensusFetcher();
  const formId = useId();
  const blocker = declareBlocker(view, nameOf);
  const { state } = view.workflow;
  const fields = { rowId: view.rowId };
  return (
    <div className="workflow-actions">
      {state !== "agreed" && (
        <ConsensusForm fetcher={declare} intent="declare-agreed" fields={fields} data-testid="declare-form">
          <button
            type="submit"
            className="button button-primary button-small"
            disabled={blocker !== null}
            aria-label={t("workflow.declareFor", { title })}
            aria-describedby={blocker ? `${formId}-why` : undefined}
            data-testid="declare-agreed"
          >
            {t("workflow.declare")}
          </button>
          {blocker && (
            <p id={`${formId}-why`} className="hint" data-testid="declare-blocker">
              {blocker}
            </p>
          )}
          <FieldError formId={`${formId}-declare`} field="rowId" message={fieldErrorsOf(declare).rowId} alert />
        </ConsensusForm>
      )}
      {state !== "draft" && (
        <ConsensusForm fetcher={reopen} intent="reopen" fields={fields} data-testid="reopen-form">
          <button
            type="submit"
            className="button button-small"
            aria-label={t("workflow.reopenFor", { title })}
            data-testid="reopen"
          >
            {t("workflow.reopen")}
          </button>
          <FieldError formId={`${formId}-reopen`} field="rowId" message={fieldErrorsOf(reopen).rowId} alert />
        </ConsensusForm>
      )}
    </div>
  );
}
