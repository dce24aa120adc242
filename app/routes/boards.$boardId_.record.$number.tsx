/**
 * One meeting record (decision 022): every member reads it and exports it; the
 * chair edits it section by section, regenerates it from the board's events
 * (edited sections keep the chair's text), closes the meeting and finalises
 * the record, after which the page only reads.
 */
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { keepDataAfterFailure, keepInputOnFailure } from "~/lib/keep-input";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { FieldError } from "~/components/field-error";
import { RecordExportForm } from "~/components/record/record-export-form";
import { RecordSectionView } from "~/components/record/record-section";
import { t } from "~/i18n";
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { notFound, requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { RecordIntentSchema, RecordNumberSchema, recordHref, STATE_LABELS } from "~/lib/record-forms";
import { formatPublishedAt } from "~/lib/version-labels";
import { requireUser } from "~/lib/session.server";
import { ROLE_CAN } from "../../core/roles";
import type { RecordResult } from "../../core/record-contract";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? t("record.recordTitle", { number: loaded.record.number, title: loaded.record.title })
      : t("app.name"),
  },
];

function recordNumber(param: string | undefined): number {
  const number = RecordNumberSchema.safeParse(param);
  if (!number.success) notFound();
  return number.data;
}

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board, role } = await requireBoardAccess(context, params.boardId, user.id);
  const number = recordNumber(params.number);
  const record = await withAccessErrors(() => context.record.getRecord(user.id, board.id, number));
  if (!record) notFound();
  return {
    board: { id: board.id, title: board.title },
    record,
    canEdit: ROLE_CAN.manageBoard(role) && record.state !== "final",
    language: requestLocale(request, user.locale),
  };
}

/** FORMS-1: a submission that fails (thrown answer, no network) keeps what was typed: app/lib/keep-input.ts. */
export const clientAction = ({ serverAction }: ClientActionFunctionArgs) => keepInputOnFailure(serverAction);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  const number = recordNumber(params.number);
  const intent = RecordIntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw data(t("forms.badRequest"), { status: 400 });
  const section = formData.get("section");
  const service = context.record;
  const result: RecordResult = await withAccessErrors(() => {
    switch (intent.data) {
      case "save":
        return service.editSection(user.id, board.id, number, { section, text: formData.get("text") });
      case "use-generated":
        return service.resetSection(user.id, board.id, number, { section });
      case "regenerate":
        return service.regenerate(user.id, board.id, number);
      case "close":
        return service.closeRecord(user.id, board.id, number);
      case "finalise":
        return service.finalise(user.id, board.id, number);
    }
  });
  if (result.ok)
    return { ok: true as const, intent: intent.data, section: typeof section === "string" ? section : null };
  if ("problem" in result) {
    const message =
      result.problem === "finalised"
        ? "record.finalised"
        : result.problem === "not-open"
          ? "record.notOpen"
          : "record.alreadyOpen";
    return data({ ok: false as const, fieldErrors: { form: message } as Record<string, string> }, { status: 409 });
  }
  return data({ ok: false as const, fieldErrors: result.fieldErrors }, { status: 422 });
}

export default function MeetingRecordPage() {
  const { board, record, canEdit, language } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData && !actionData.ok ? actionData.fieldErrors : {};
  const savedSection = actionData?.ok && actionData.intent === "save" ? actionData.section : null;
  return (
    <div className="page record-page">
      <Link to={recordHref(board.id)} className="back-link">
        <span aria-hidden="true">←</span> {t("record.allRecords")}
      </Link>
      <h1 data-testid="record-title">{t("record.recordTitle", { number: record.number, title: record.title })}</h1>
      <dl className="record-facts">
        <dt>{t("record.state")}</dt>
        <dd data-testid="record-state" data-state={record.state}>
          {t(STATE_LABELS[record.state])}
        </dd>
        <dt>{t("record.openedAt")}</dt>
        <dd>
          {t("record.span", {
            from: formatPublishedAt(record.openedAt),
            to: record.closedAt ? formatPublishedAt(record.closedAt) : t("record.inProgress"),
          })}
          {" — "}
          {t("record.openedBy", { name: record.openedByName })}
        </dd>
      </dl>
      {record.finalisedAt && record.finalisedByName ? (
        <p data-testid="record-final">
          {t("record.finalisedBy", { at: formatPublishedAt(record.finalisedAt), name: record.finalisedByName })}
          <br />
          <span className="fingerprint">{t("record.fingerprint", { fingerprint: record.fingerprint ?? "" })}</span>
        </p>
      ) : (
        <p className="hint">{t("record.generatedAt", { at: formatPublishedAt(record.generatedAt) })}</p>
      )}
      <FieldError formId="record" field="form" message={errors.form} alert />
      {canEdit && (
        <div className="record-actions" data-testid="record-actions">
          <ChairButton intent="regenerate" label={t("record.regenerate")} />
          {record.state === "open" && <ChairButton intent="close" label={t("record.close")} />}
          <ChairButton intent="finalise" label={t("record.finalise")} hint={t("record.finaliseHint")} />
        </div>
      )}
      {record.sections.map((section) => (
        <RecordSectionView
          key={section.key}
          section={section}
          canEdit={canEdit}
          saved={savedSection === section.key}
          error={savedSection === null && actionData && !actionData.ok ? errors.text : undefined}
        />
      ))}
      <RecordExportForm boardId={board.id} number={record.number} language={language} />
    </div>
  );
}

function ChairButton({ intent, label, hint }: { intent: string; label: string; hint?: string }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="button button-small" data-testid={`record-${intent}`}>
        {label}
      </button>
      {hint && <span className="hint">{hint}</span>}
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
