import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BoardWorkspace } from "~/components/board/board-workspace";
import { CREATE_INSTRUMENT_INTENT } from "~/components/board/custom-instrument-form";
import { ErrorView } from "~/components/error-view";
import { t } from "~/i18n";
import { BoardIdSchema, CustomInstrumentFormSchema, parseForm } from "~/lib/board-forms";
import { requireGuestIdentity } from "~/lib/guest-session.server";
import type { RemitServices } from "~/load-context";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? t("board.metaTitle", { title: data.board.title }) : t("app.name") },
];

/** The board named in the URL, or a 400 (malformed id) / 404 (no such board). */
async function requireBoard(services: RemitServices, boardIdParam: string | undefined) {
  const boardId = BoardIdSchema.safeParse(boardIdParam);
  if (!boardId.success) throw data(t("forms.badRequest"), { status: 400 });
  const board = await services.getBoard(boardId.data);
  if (!board) throw data(t("errors.boardNotFound"), { status: 404 });
  return board;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const identity = requireGuestIdentity(request);
  const board = await requireBoard(context.services, params.boardId);
  const instruments = await context.services.listInstruments(board.id);
  return { board, instruments, identity };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireGuestIdentity(request);
  const board = await requireBoard(context.services, params.boardId);
  const formData = await request.formData();
  if (formData.get("intent") !== CREATE_INSTRUMENT_INTENT) {
    return data({ ok: false, fieldErrors: { form: t("forms.badRequest") }, values: {} }, { status: 400 });
  }
  const parsed = parseForm(CustomInstrumentFormSchema, formData);
  if (!parsed.success) return data({ ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 422 });
  const instrument = await context.services.createCustomInstrument(board.id, parsed.data);
  return { ok: true, instrument };
}

export default function BoardRoute() {
  const { board, instruments, identity } = useLoaderData<typeof loader>();
  // A new key per board: navigating between boards starts a fresh connection and UI state.
  return <BoardWorkspace key={board.id} board={board} instruments={instruments} identity={identity} />;
}

export function ErrorBoundary() {
  return <ErrorView />;
}
