import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { isFailedSubmission, keepInputOnFailure } from "~/lib/keep-input";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { BoardWorkspace } from "~/components/board/board-workspace";
import { CREATE_INSTRUMENT_INTENT } from "~/components/board/custom-instrument-form";
import { ErrorView } from "~/components/error-view";
import { t } from "~/i18n";
import { forbidden, requireBoardAccess } from "~/lib/board-access.server";
import { CustomInstrumentFormSchema, parseForm } from "~/lib/board-forms";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { ROLE_CAN } from "../../core/roles";
import { readCookie } from "../../core/cookies";
import { encodeSnapshot } from "~/lib/board-snapshot.server";
import { DENSITY_COOKIE, parseDensity } from "~/lib/density";
import { isConsensusAction } from "~/lib/own-action-echo";
import { requireUser } from "~/lib/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("board.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

/** A position or comment changes nothing this loader reads (the whole document, instruments, role): keep it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, actionResult, defaultShouldRevalidate }) =>
  isConsensusAction(formAction) || isFailedSubmission(actionResult) ? false : defaultShouldRevalidate;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board, role } = await requireBoardAccess(context, params.boardId, user.id);
  const [instruments, state] = await Promise.all([
    context.services.listInstruments(board.id, requestLocale(request, user.locale)),
    context.documents.readState(board.id),
  ]);
  // As the collaboration server stamps us into presence.
  const self = {
    id: user.id,
    name: user.displayName,
    delegation: user.delegation.name,
    delegationCode: user.delegation.code,
  };
  // The rows go into the first paint; the live connection then starts from this state.
  const snapshot = state.length > 2 ? encodeSnapshot(state) : null;
  const density = parseDensity(readCookie(request.headers.get("Cookie"), DENSITY_COOKIE));
  return { board, role, instruments, self, snapshot, density };
}

/** Adds a custom instrument: delegates and the chair only, not on an archived (read-only) board. */
/** FORMS-1: a submission that fails (thrown answer, no network) keeps what was typed: app/lib/keep-input.ts. */
export const clientAction = ({ serverAction }: ClientActionFunctionArgs) => keepInputOnFailure(serverAction);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id, { may: ROLE_CAN.edit, to: "edit" });
  if (board.archivedAt) forbidden();
  if (formData.get("intent") !== CREATE_INSTRUMENT_INTENT) {
    return data({ ok: false, fieldErrors: { form: t("forms.badRequest") }, values: {} }, { status: 400 });
  }
  const parsed = parseForm(CustomInstrumentFormSchema, formData);
  if (!parsed.success)
    return data({ ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 422 });
  const instrument = await context.services.createCustomInstrument(board.id, parsed.data);
  return { ok: true, instrument };
}

export default function BoardRoute() {
  const { board, role, instruments, self, snapshot, density } = useLoaderData<typeof loader>();
  // A new key per board: navigating between boards starts a fresh connection and UI state.
  return (
    <BoardWorkspace
      key={board.id}
      board={board}
      role={role}
      instruments={instruments}
      self={self}
      snapshot={snapshot}
      density={density}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
