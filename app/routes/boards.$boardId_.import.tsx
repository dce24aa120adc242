/**
 * Import threats into a board from a page of its own: connects to the live
 * board like the board page does, then uses the same import panel (the board
 * page can mount ImportPanel too). Delegates and the chair only.
 */
import { requestLocale } from "~/i18n/request-locale.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ImportPanel } from "~/components/board/import-panel";
import { ErrorView } from "~/components/error-view";
import { Message } from "~/components/message";
import { useBoardConnection } from "~/hooks/use-board-connection";
import { useUndoManager, useUndoShortcuts } from "~/hooks/use-undo-manager";
import { t } from "~/i18n";
import { requireBoardAccess } from "~/lib/board-access.server";
import { ROLE_CAN } from "../../core/roles";
import { requireUser } from "~/lib/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("versionImport.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id, { may: ROLE_CAN.edit, to: "edit" });
  const instruments = await context.services.listInstruments(board.id, requestLocale(request, user.locale));
  return { board: { id: board.id, title: board.title, archived: board.archivedAt !== null }, instruments };
}

export default function ImportPage() {
  const { board, instruments } = useLoaderData<typeof loader>();
  const connection = useBoardConnection(board.id);
  const canWrite = !board.archived && (connection.access?.canWrite ?? true);
  const { undoManager, undo, redo, canUndo } = useUndoManager(connection.doc);
  useUndoShortcuts(undo, redo, canWrite);
  return (
    <div className="page">
      <Link to={`/boards/${board.id}`} className="back-link">
        <span aria-hidden="true">←</span> {t("versionImport.backToBoard")}
      </Link>
      <h1>
        <Message
          id="common.headingOnBoard"
          values={{ heading: t("versionImport.heading"), board: <bdi className="muted">{board.title}</bdi> }}
        />
      </h1>
      {!connection.everSynced && <p className="hint">{t("versionImport.notConnected")}</p>}
      <ImportPanel
        doc={connection.everSynced ? connection.doc : null}
        boardId={board.id}
        instruments={instruments}
        canEdit={canWrite}
        undoManager={undoManager}
      />
      {canUndo && (
        <button type="button" className="button" onClick={undo}>
          {t("versionImport.undo")}
        </button>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
