/**
 * Polite, rate-limited announcements of other people's changes to the row
 * this person is on (the row holding the focus): see row-change-announcer.ts.
 * Only remote transactions count (this person's own edits and undo are local).
 */
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { getRowsType } from "../../core/board-doc";
import { t } from "~/i18n";
import { createRowChangeAnnouncer } from "~/lib/row-change-announcer";

function titleOf(doc: Y.Doc, rowId: string): string | null {
  const title = getRowsType(doc).get(rowId)?.get("title");
  return title === undefined ? null : String(title);
}

function focusedRowId(): string | null {
  const active = typeof document === "undefined" ? null : document.activeElement;
  return active instanceof HTMLElement ? (active.closest<HTMLElement>("[data-row-id]")?.dataset.rowId ?? null) : null;
}

export function useRemoteRowAnnouncements(doc: Y.Doc | null): string {
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!doc) return;
    // The same words twice would not be read again: alternate an invisible trailing space.
    let flip = false;
    const announcer = createRowChangeAnnouncer(
      (text) => {
        flip = !flip;
        setMessage(flip ? text : `${text}\u00a0`);
      },
      {
        now: () => Date.now(),
        setTimer: (run, ms) => window.setTimeout(run, ms),
        clearTimer: (timer) => window.clearTimeout(timer as number),
      },
    );
    const titles = new Map<string, string>();
    const rows = getRowsType(doc);
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      const rowId = focusedRowId();
      if (!rowId) return;
      const current = titleOf(doc, rowId);
      if (current !== null) titles.set(rowId, current);
      if (transaction.local) return;
      const fields = new Set<string>();
      for (const event of events) {
        const [first, second] = event.path;
        if (first === undefined) {
          if (event.changes.keys.get(rowId)?.action === "delete") fields.add("deleted");
        } else if (first === rowId) {
          if (second !== undefined) fields.add(String(second));
          else for (const key of event.changes.keys.keys()) fields.add(key);
        }
      }
      if (fields.size === 0) return;
      const title = current ?? titles.get(rowId) ?? "";
      announcer.offer({ rowId, title: title || t("activity.untitledRow"), fields: [...fields] });
    };
    rows.observeDeep(observer);
    return () => {
      rows.unobserveDeep(observer);
      announcer.dispose();
    };
  }, [doc]);
  return message;
}
