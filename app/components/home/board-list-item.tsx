/** One board in the list: link, your role, creation date; for chairs rename and archive/unarchive (each its own fetcher). */
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import { formatDate, t } from "~/i18n";
import { BOARD_TITLE_MAX } from "~/lib/board-forms";
import { ROLE_CAN } from "../../../core/roles";
import type { BoardRole, BoardSummary } from "../../../core/services";
import { CsrfField } from "../csrf-field";
import { errorProps, FieldError } from "../field-error";
import { Message } from "../message";

interface ActionData {
  ok: boolean;
  fieldErrors?: Record<string, string>;
}

interface Props {
  board: BoardSummary & { role: BoardRole };
}

export function BoardListItem({ board }: Props) {
  const rename = useFetcher<ActionData>();
  const archive = useFetcher<ActionData>();
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const renameForm = useRef<HTMLFormElement>(null);
  const formId = `rename-${board.id}`;
  const archived = board.archivedAt !== null;
  const canManage = ROLE_CAN.manageBoard(board.role);
  const renameError =
    rename.state === "idle" && rename.data && !rename.data.ok ? rename.data.fieldErrors?.title : undefined;
  useFocusFirstInvalid(renameForm, rename.state === "idle" ? rename.data : undefined);

  // The rename form replaces the Rename button: when it closes, focus goes back to that button.
  const endRename = () => {
    setRenaming(false);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  useEffect(() => {
    if (rename.state === "idle" && rename.data?.ok) {
      setRenaming(false);
      requestAnimationFrame(() => renameButton.current?.focus());
    }
  }, [rename.state, rename.data]);

  return (
    <li
      className={archived ? "board-item board-item-archived" : "board-item"}
      data-testid="board-item"
      data-board-id={board.id}
    >
      <div className="board-item-main">
        <Link to={`/boards/${board.id}`} className="board-link">
          <bdi>{board.title}</bdi>
        </Link>
        <span className={`badge role-badge role-${board.role}`} data-testid="board-role">
          {t(`roles.${board.role}`)}
        </span>
        {archived && <span className="badge badge-muted">{t("boards.archivedBadge")}</span>}
        <span className="muted board-date">
          <Message
            id="boards.createdOn"
            values={{ date: <time dateTime={board.createdAt}>{formatDate(board.createdAt)}</time> }}
          />
        </span>
      </div>
      {!canManage ? null : renaming ? (
        <rename.Form
          ref={renameForm}
          method="post"
          className="inline-form"
          noValidate
          onKeyDown={(event) => {
            if (event.key === "Escape") endRename();
          }}
        >
          <CsrfField />
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="boardId" value={board.id} />
          <div className="form-field">
            <label htmlFor={`${formId}-title`} className="visually-hidden">
              {t("boards.renameLabel", { title: board.title })}
            </label>
            <input
              id={`${formId}-title`}
              name="title"
              type="text"
              defaultValue={board.title}
              maxLength={BOARD_TITLE_MAX}
              autoFocus
              required
              {...errorProps(formId, "title", renameError)}
            />
            <FieldError formId={formId} field="title" message={renameError} />
          </div>
          <button type="submit" className="button button-primary button-small" disabled={rename.state !== "idle"}>
            {t("common.save")}
          </button>
          <button type="button" className="button button-small" onClick={endRename}>
            {t("common.cancel")}
          </button>
        </rename.Form>
      ) : (
        <div className="board-item-actions">
          <button
            type="button"
            ref={renameButton}
            className="button button-small"
            onClick={() => setRenaming(true)}
            aria-label={t("boards.renameButton", { title: board.title })}
          >
            {t("boards.rename")}
          </button>
          <archive.Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="archive" />
            <input type="hidden" name="boardId" value={board.id} />
            <input type="hidden" name="archived" value={archived ? "false" : "true"} />
            <button
              type="submit"
              className="button button-small"
              disabled={archive.state !== "idle"}
              aria-label={t(archived ? "boards.unarchiveButton" : "boards.archiveButton", { title: board.title })}
            >
              {archived ? t("boards.unarchive") : t("boards.archive")}
            </button>
          </archive.Form>
        </div>
      )}
    </li>
  );
}
