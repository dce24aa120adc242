import { requestI18n, requestLocale } from "~/i18n/request-locale.server";
import type { ClientActionFunctionArgs } from "@remix-run/react";
import { keepDataAfterFailure, keepInputOnFailure } from "~/lib/keep-input";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { ErrorView } from "~/components/error-view";
import { BoardListItem } from "~/components/home/board-list-item";
import { CreateBoardForm } from "~/components/home/create-board-form";
import { useFocusKeeper } from "~/hooks/use-focus-keeper";
import { t } from "~/i18n";
import { requireBoardAccess } from "~/lib/board-access.server";
import {
  ArchiveBoardFormSchema,
  BoardListQuerySchema,
  CreateBoardFormSchema,
  parseForm,
  RenameBoardFormSchema,
  type FieldErrors,
} from "~/lib/board-forms";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { ROLE_CAN } from "../../core/roles";
import { requireUser } from "~/lib/session.server";

export const meta: MetaFunction = () => [{ title: t("boards.metaTitle") }];

export const shouldRevalidate = keepDataAfterFailure;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t } = requestI18n(request);
  const user = await requireUser(request, context);
  const query = BoardListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const showArchived = query.data.archived === "1";
  const boards = await context.access.listMyBoards(user.id, { includeArchived: showArchived });
  return { boards, showArchived };
}

type Intent = "create" | "rename" | "archive";

interface ActionResult {
  intent: Intent | null;
  ok: boolean;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
}

const invalid = (intent: Intent, fieldErrors: FieldErrors, values: Record<string, string>, status = 422) =>
  data<ActionResult>({ intent, ok: false, fieldErrors, values }, { status });

/** FORMS-1: a submission that fails (thrown answer, no network) keeps what was typed: app/lib/keep-input.ts. */
export const clientAction = ({ serverAction }: ClientActionFunctionArgs) => keepInputOnFailure(serverAction);

export async function action({ request, context }: ActionFunctionArgs) {
  const { t } = requestI18n(request);
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const intent = formData.get("intent");

  switch (intent) {
    case "create": {
      const parsed = parseForm(CreateBoardFormSchema, formData);
      if (!parsed.success) return invalid(intent, parsed.fieldErrors, parsed.values);
      const board = await context.access.createBoard(user.id, {
        ...parsed.data,
        locale: requestLocale(request, user.locale),
      });
      return redirect(`/boards/${board.id}`);
    }
    case "rename": {
      const parsed = parseForm(RenameBoardFormSchema, formData);
      if (!parsed.success) return invalid(intent, parsed.fieldErrors, parsed.values);
      await requireBoardAccess(context, parsed.data.boardId, user.id, {
        may: ROLE_CAN.manageBoard,
        to: "manage the board",
      });
      await context.services.renameBoard(parsed.data.boardId, parsed.data.title);
      return data<ActionResult>({ intent, ok: true, fieldErrors: {}, values: {} });
    }
    case "archive": {
      const parsed = parseForm(ArchiveBoardFormSchema, formData);
      if (!parsed.success) return invalid(intent, parsed.fieldErrors, {}, 400);
      await requireBoardAccess(context, parsed.data.boardId, user.id, {
        may: ROLE_CAN.manageBoard,
        to: "manage the board",
      });
      await context.services.setBoardArchived(parsed.data.boardId, parsed.data.archived);
      return data<ActionResult>({ intent, ok: true, fieldErrors: {}, values: {} });
    }
    default:
      return data<ActionResult>(
        { intent: null, ok: false, fieldErrors: { form: t("forms.badRequest") }, values: {} },
        { status: 400 },
      );
  }
}

export default function BoardsIndex() {
  const { boards, showArchived } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData?.intent === "create" ? actionData : undefined;
  // Archiving a board removes it from the list: keyboard focus then goes to the heading, not to the page's start.
  const listRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusKeeper(listRef, headingRef);
  return (
    <div className="page home">
      <section ref={listRef} className="panel boards-panel" aria-labelledby="boards-heading">
        <div className="panel-heading">
          <h1 id="boards-heading" ref={headingRef} tabIndex={-1}>
            {t("boards.title")}
          </h1>
          <Link to={showArchived ? "/" : "/?archived=1"} className="link-button" data-testid="toggle-archived">
            {showArchived ? t("boards.hideArchived") : t("boards.showArchived")}
          </Link>
        </div>
        {boards.length === 0 ? (
          <p className="muted">{showArchived ? t("boards.emptyArchived") : t("boards.empty")}</p>
        ) : (
          <ul className="board-list" data-testid="board-list">
            {boards.map((board) => (
              <BoardListItem key={board.id} board={board} />
            ))}
          </ul>
        )}
      </section>
      <CreateBoardForm errors={created?.fieldErrors ?? {}} values={created?.values ?? {}} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
