/**
 * The board's published versions, newest first; the chair's publish form;
 * compare and export. Versions are immutable: this page only adds them.
 */
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { keepDataAfterFailure, keepInputOnFailure } from "~/lib/keep-input";
import { requestI18n } from "~/i18n/request-locale.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { Message } from "~/components/message";
import { ExportPanel } from "~/components/versions/export-panel";
import { PublishForm } from "~/components/versions/publish-form";
import { VersionList } from "~/components/versions/version-list";
import { t } from "~/i18n";
import { echoValues, parseForm } from "~/lib/board-forms";
import { requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { ROLE_CAN } from "../../core/roles";
import { requireUser } from "~/lib/session.server";
import { PUBLISH_INTENT, PublishFormSchema, diffHref } from "~/lib/version-forms";
import { getVersionServices } from "~/lib/versions.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("versions.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board, role } = await requireBoardAccess(context, params.boardId, user.id);
  const versions = await withAccessErrors(() => getVersionServices(context).listVersions(user.id, board.id));
  return { board: { id: board.id, title: board.title }, canPublish: ROLE_CAN.manageBoard(role), versions };
}

/** FORMS-1: a submission that fails (thrown answer, no network) keeps what was typed: app/lib/keep-input.ts. */
export const clientAction = ({ serverAction }: ClientActionFunctionArgs) => keepInputOnFailure(serverAction);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id, {
    may: ROLE_CAN.manageBoard,
    to: "publish versions",
  });
  if (formData.get("intent") !== PUBLISH_INTENT) throw data(t("forms.badRequest"), { status: 400 });
  const parsed = parseForm(PublishFormSchema, formData);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 422 });
  const { title, scope } = parsed.data;
  const result = await withAccessErrors(() =>
    getVersionServices(context).publishVersion(user.id, board.id, { title, scope }),
  );
  if (!result.ok) {
    const message = result.problem === "no-agreed-rows" ? t("versions.noAgreedRows") : t("versions.noRows");
    return data(
      { fieldErrors: { scope: message } as Record<string, string>, values: echoValues(formData) },
      { status: 422 },
    );
  }
  return redirect(`/boards/${board.id}/versions/${result.version.number}`);
}

export default function BoardVersions() {
  const { board, canPublish, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const nextNumber = (versions[0]?.number ?? 0) + 1;
  return (
    <div className="page versions-page">
      <Link to={`/boards/${board.id}`} className="back-link">
        <span aria-hidden="true">←</span> {t("versions.backToBoard")}
      </Link>
      <h1>
        <Message
          id="common.headingOnBoard"
          values={{ heading: t("versions.heading"), board: <bdi className="muted">{board.title}</bdi> }}
        />
      </h1>
      <p className="hint">{t("versions.intro")}</p>
      <VersionList boardId={board.id} versions={versions} />
      {versions.length > 0 && (
        <section className="panel" aria-labelledby="compare-heading">
          <h2 id="compare-heading">{t("versions.compareHeading")}</h2>
          <Form method="get" action={`/boards/${board.id}/diff`} className="inline-form">
            <CompareSelect
              name="from"
              label={t("versions.compareFrom")}
              versions={versions}
              initial={String(versions[0].number)}
            />
            <CompareSelect name="to" label={t("versions.compareTo")} versions={versions} initial="live" />
            <button type="submit" className="button button-small">
              {t("versions.compare")}
            </button>
          </Form>
          <p>
            <Link to={diffHref(board.id, versions[0].number, "live")}>{t("versions.diffLive")}</Link>
          </p>
        </section>
      )}
      {canPublish ? (
        <PublishForm
          nextNumber={nextNumber}
          fieldErrors={actionData?.fieldErrors ?? {}}
          values={actionData?.values ?? {}}
          submitting={navigation.state === "submitting" && navigation.formData?.get("intent") === PUBLISH_INTENT}
        >
          <CsrfField />
        </PublishForm>
      ) : (
        <p className="hint">{t("versions.chairOnly")}</p>
      )}
      <ExportPanel boardId={board.id} versions={versions} />
    </div>
  );
}

function CompareSelect(props: {
  name: string;
  label: string;
  versions: readonly { number: number; title: string }[];
  initial: string;
}) {
  const id = `compare-${props.name}`;
  return (
    <div className="form-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.initial}>
        <option value="live">{t("versions.live")}</option>
        {props.versions.map((version) => (
          <option key={version.number} value={version.number}>
            {t("versionExport.version", { number: version.number, title: version.title })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
