/**
 * The board's meeting records, newest first, and the chair's form to open a
 * meeting (decision 022). Every member reads; only the chair opens.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { FieldError, fieldErrorId } from "~/components/field-error";
import { Message } from "~/components/message";
import { t } from "~/i18n";
import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import { requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { echoValues } from "~/lib/board-forms";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { recordHref, STATE_LABELS } from "~/lib/record-forms";
import { formatPublishedAt } from "~/lib/version-labels";
import { requireUser } from "~/lib/session.server";
import { ROLE_CAN } from "../../core/roles";
import { RECORD_TITLE_MAX_CHARS } from "../../core/record-contract";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("record.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board, role } = await requireBoardAccess(context, params.boardId, user.id);
  const records = await withAccessErrors(() => context.record.listRecords(user.id, board.id));
  return {
    board: { id: board.id, title: board.title },
    canEdit: ROLE_CAN.manageBoard(role),
    records,
    language: requestLocale(request, user.locale),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id);
  if (formData.get("intent") !== "open") throw data(t("forms.badRequest"), { status: 400 });
  const result = await withAccessErrors(() =>
    context.record.openRecord(user.id, board.id, {
      title: formData.get("title"),
      language: formData.get("language"),
    }),
  );
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, values: echoValues(formData) }, { status: 422 });
  return redirect(recordHref(board.id, result.number));
}

export default function MeetingRecords() {
  const { board, canEdit, records, language } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const formId = "open-record";
  return (
    <div className="page record-page">
      <Link to={`/boards/${board.id}`} className="back-link">
        <span aria-hidden="true">←</span> {t("record.backToBoard")}
      </Link>
      <h1>
        <Message
          id="common.headingOnBoard"
          values={{ heading: t("record.heading"), board: <span className="muted">{board.title}</span> }}
        />
      </h1>
      <p className="hint">{t("record.intro")}</p>
      {records.length === 0 ? (
        <p className="muted" data-testid="no-records">
          {t("record.empty")}
        </p>
      ) : (
        <ul className="record-list" data-testid="record-list">
          {records.map((record) => (
            <li key={record.number} data-record={record.number}>
              <Link to={recordHref(board.id, record.number)}>
                {t("record.recordTitle", { number: record.number, title: record.title })}
              </Link>{" "}
              <span className="muted">
                — {t(STATE_LABELS[record.state])},{" "}
                <time dateTime={record.openedAt}>{formatPublishedAt(record.openedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <section className="panel" aria-labelledby="open-record-heading">
          <h2 id="open-record-heading">{t("record.openHeading")}</h2>
          <Form method="post" id={formId} data-testid="open-record-form" className="stacked-form">
            <CsrfField />
            <input type="hidden" name="intent" value="open" />
            <div className="form-field">
              <label htmlFor={`${formId}-title`}>{t("record.titleLabel")}</label>
              <input
                id={`${formId}-title`}
                name="title"
                required
                maxLength={RECORD_TITLE_MAX_CHARS}
                defaultValue={actionData?.values.title ?? ""}
                aria-invalid={errors.title ? true : undefined}
                aria-describedby={errors.title ? fieldErrorId(formId, "title") : undefined}
              />
              <FieldError formId={formId} field="title" message={errors.title} />
            </div>
            <div className="form-field">
              <label htmlFor={`${formId}-language`}>{t("record.languageLabel")}</label>
              <select id={`${formId}-language`} name="language" defaultValue={language}>
                <option value="en">{t("languages.en")}</option>
                <option value="fr">{t("languages.fr")}</option>
              </select>
              <FieldError formId={formId} field="language" message={errors.language} />
            </div>
            <button type="submit" className="button">
              {t("record.open")}
            </button>
          </Form>
        </section>
      ) : (
        <p className="hint">{t("record.chairOnly")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
