/**
 * Binds an <input> or <textarea> to a Y.Text so concurrent typing merges
 * character by character: local input becomes the smallest Y.Text change,
 * remote changes update the field and keep the caret where it was.
 *
 * Escape cancels the edit: everything this person changed in the field since
 * it got focus is undone as one change (others' concurrent edits stay).
 *
 * Undo steps back by typing bursts: keystrokes less than BURST_GAP_MS apart
 * (by the time the key was pressed, not the time the browser got round to
 * handling it) are one undo step, a longer pause starts the next one. Yjs'
 * own captureTimeout measures handling time, which on a busy page split
 * bursts at random, even after their first letter.
 */
import { useCallback, useEffect, useMemo, useRef, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import * as Y from "yjs";
import { diffText, transformSelection, type TextDelta } from "~/lib/text-diff";

type TextElement = HTMLInputElement | HTMLTextAreaElement;

const BURST_GAP_MS = 500;

interface BoundTextProps<E extends TextElement> {
  ref: RefObject<E>;
  defaultValue: string;
  onInput: (event: FormEvent<E>) => void;
  onFocus: () => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<E>) => void;
}

export function useBoundText<E extends TextElement>(
  text: Y.Text | null,
  undoManager: Y.UndoManager | null,
): BoundTextProps<E> {
  const ref = useRef<E>(null);
  const editSession = useRef<Y.UndoManager | null>(null);
  /** event.timeStamp of the last input in this field (-Infinity: the next input starts a burst). */
  const lastInputAt = useRef(Number.NEGATIVE_INFINITY);

  useEffect(() => {
    const element = ref.current;
    if (!element || !text) return;
    if (element.value !== text.toString()) element.value = text.toString();
    const observer = (event: Y.YTextEvent) => {
      const value = text.toString();
      if (element.value === value) return; // our own typing: the field is already right
      const focused = element.ownerDocument.activeElement === element;
      const selection = { start: element.selectionStart ?? 0, end: element.selectionEnd ?? 0 };
      element.value = value;
      if (focused) {
        const next = transformSelection(selection, event.delta as TextDelta);
        element.setSelectionRange(next.start, next.end);
      }
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  // After an undo or redo the next keystroke starts a new step (never merged into an older one).
  useEffect(() => {
    if (!undoManager) return;
    const reset = () => void (lastInputAt.current = Number.NEGATIVE_INFINITY);
    undoManager.on("stack-item-popped", reset);
    return () => undoManager.off("stack-item-popped", reset);
  }, [undoManager]);

  const endSession = useCallback(() => {
    const session = editSession.current;
    if (!session) return;
    undoManager?.removeTrackedOrigin(session);
    session.destroy();
    editSession.current = null;
  }, [undoManager]);

  useEffect(() => endSession, [endSession, text]);

  const onFocus = useCallback(() => {
    // Typing in another field is another undo step.
    lastInputAt.current = Number.NEGATIVE_INFINITY;
    if (!text || editSession.current) return;
    // Tracks this person's typing in this field only, merged into one stack item, so Escape reverts it in one
    // step. Not their board undo/redo: a second manager tracking those makes the board's redo bring back more
    // than it undid (redo after two undos restored both typing bursts).
    const trackedOrigins = new Set<unknown>([null]);
    const session = new Y.UndoManager(text, { captureTimeout: Number.POSITIVE_INFINITY, trackedOrigins });
    // The revert is itself undoable with the board's undo.
    undoManager?.addTrackedOrigin(session);
    editSession.current = session;
  }, [text, undoManager]);

  const onInput = useCallback(
    (event: FormEvent<E>) => {
      if (!text?.doc) return;
      const element = event.currentTarget;
      const change = diffText(text.toString(), element.value, element.selectionEnd ?? undefined);
      if (!change) return;
      if (undoManager) {
        if (event.timeStamp - lastInputAt.current > BURST_GAP_MS) undoManager.stopCapturing();
        // Same burst: merge into the current undo step however long the previous keystroke took to handle.
        else undoManager.lastChange = Date.now();
      }
      lastInputAt.current = event.timeStamp;
      text.doc.transact(() => {
        if (change.deleteCount > 0) text.delete(change.index, change.deleteCount);
        if (change.insert) text.insert(change.index, change.insert);
      });
    },
    [text, undoManager],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<E>) => {
      if (event.key !== "Escape") return;
      const session = editSession.current;
      if (session?.canUndo()) {
        undoManager?.stopCapturing();
        session.undo();
      }
      // Not stopped: the grid moves focus back to the cell.
    },
    [undoManager],
  );

  // Only the initial value: afterwards the observer above keeps the field in step.
  const defaultValue = useMemo(() => text?.toString() ?? "", [text]);
  return { ref, defaultValue, onInput, onFocus, onBlur: endSession, onKeyDown };
}
