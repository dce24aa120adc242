import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorView } from "~/components/error-view";
import { BoardListItem } from "~/components/home/board-list-item";
import { CreateBoardForm } from "~/components/home/create-board-form";
import { IdentityForm } from "~/components/home/identity-form";
import { t } from "~/i18n";
import {
  ArchiveBoardFormSchema,
  BoardListQuerySchema,
  CreateBoardFormSchema,
  IdentityFormSchema,
  NextPathSchema,
  parseForm,
  RenameBoardFormSchema,
  type FieldErrors,
} from "~/lib/board-forms";
import { readGuestIdentity } from "~/lib/guest-identity";
import { guestCookieHeader, newGuestId } from "~/lib/guest-session.server";

export const meta: MetaFunction = () => [{ title: t("boards.metaTitle") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = BoardListQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw data(t("forms.badRequest"), { status: 400 });
  const next = NextPathSchema.safeParse(url.searchParams.get("next") ?? undefined);
  const identity = readGuestIdentity(request.headers.get("Cookie"));
  const showArchived = query.data.archived === "1";
  const boards = identity ? await context.services.listBoards({ includeArchived: showArchived }) : [];
  return { identity, boards, showArchived, next: next.success ? next.data : undefined };
}

type Intent = "identify" | "create" | "rename" | "archive";

interface ActionResult {
  intent: Intent | null;
  ok: boolean;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
}

const invalid = (intent: Intent, fieldErrors: FieldErrors, values: Record<string, string>) =>
  data<ActionResult>({ intent, ok: false, fieldErrors, values }, { status: 422 });

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const identity = readGuestIdentity(request.headers.get("Cookie"));

  if (intent === "identify") {
    const parsed = parseForm(IdentityFormSchema, formData);
    if (!parsed.success) return invalid(intent, parsed.fieldErrors, parsed.values);
    const next = NextPathSchema.safeParse(formData.get("next") ?? undefined);
    const chosen = { id: identity?.id ?? newGuestId(), ...parsed.data };
    return redirect(next.success ? next.data : "/", { headers: { "Set-Cookie": guestCookieHeader(chosen, request) } });
  }

  if (!identity) throw redirect("/");

  switch (intent) {
    case "create": {
      const parsed = parseForm(CreateBoardFormSchema, formData);
      if (!parsed.success) return invalid(intent, parsed.fieldErrors, parsed.values);
      const board = await context.services.createBoard(parsed.data);
      return redirect(`/boards/${board.id}`);
    }
    case "rename": {
      const parsed = parseForm(RenameBoardFormSchema, formData);
      if (!parsed.success) return invalid(intent, parsed.fieldErrors, parsed.values);
      await context.services.renameBoard(parsed.data.boardId, parsed.data.title);
      return data<ActionResult>({ intent, ok: true, fieldErrors: {}, values: {} });
    }
    case "archive": {
      const parsed = parseForm(ArchiveBoardFormSchema, formData);
      if (!parsed.success) return data<ActionResult>({ intent, ok: false, fieldErrors: parsed.fieldErrors, values: {} }, { status: 400 });
      await context.services.setBoardArchived(parsed.data.boardId, parsed.data.archived);
      return data<ActionResult>({ intent, ok: true, fieldErrors: {}, values: {} });
    }
    default:
      return data<ActionResult>({ intent: null, ok: false, fieldErrors: { form: t("forms.badRequest") }, values: {} }, { status: 400 });
  }
}

export default function BoardsIndex() {
  const { identity, boards, showArchived, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);

  if (!identity) {
    const result = errorsFor("identify");
    return (
      <div className="page page-narrow">
        <IdentityForm next={next} errors={result?.fieldErrors ?? {}} values={result?.values ?? {}} />
      </div>
    );
  }

  const created = errorsFor("create");
  return (
    <div className="page home">
      <section className="panel boards-panel" aria-labelledby="boards-heading">
        <div className="panel-heading">
          <h1 id="boards-heading">{t("boards.title")}</h1>
          <Link to={showArchived ? "/" : "/?archived=1"} className="link-button" data-testid="toggle-archived" aria-pressed={showArchived}>
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
