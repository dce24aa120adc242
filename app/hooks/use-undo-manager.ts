/**
 * Per-person undo/redo. The board's UndoManager tracks only this browser's
 * transactions, so undo never reverts someone else's edit.
 */
import { useCallback, useEffect, useState } from "react";
import * as Y from "yjs";
import { createUndoManager } from "../../core/board-doc";

interface UndoState {
  undoManager: Y.UndoManager | null;
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
}

export function useUndoManager(doc: Y.Doc | null): UndoState {
  const [undoManager, setUndoManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    if (!doc) return;
    const manager = createUndoManager(doc);
    // A new undo step starts with many a keystroke: the page re-renders only when the buttons change.
    const update = () => {
      const next = { canUndo: manager.canUndo(), canRedo: manager.canRedo() };
      setStacks((stacks) => (stacks.canUndo === next.canUndo && stacks.canRedo === next.canRedo ? stacks : next));
    };
    manager.on("stack-item-added", update);
    manager.on("stack-item-popped", update);
    manager.on("stack-cleared", update);
    setUndoManager(manager);
    update();
    return () => {
      manager.destroy();
      setUndoManager(null);
      setStacks({ canUndo: false, canRedo: false });
    };
  }, [doc]);

  const undo = useCallback(() => {
    undoManager?.undo();
  }, [undoManager]);
  const redo = useCallback(() => {
    undoManager?.redo();
  }, [undoManager]);

  return { undoManager, ...stacks, undo, redo };
}

/** Fields inside `[data-native-undo]` (plain forms, the filter box) keep the browser's own undo. */
export const NATIVE_UNDO_ATTRIBUTE = "data-native-undo";

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y anywhere on the board page. The
 * browser's own undo inside a focused field would fight with Yjs, so it is prevented.
 */
export function useUndoShortcuts(undo: () => void, redo: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      // Only fields have a native undo: a button or a message focused in such a form still undoes board changes.
      const editable =
        target?.matches("input, textarea, select, [contenteditable]:not([contenteditable=false])") ?? false;
      if (editable && target?.closest(`[${NATIVE_UNDO_ATTRIBUTE}]`)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === "z" && event.shiftKey) || (key === "y" && !event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [undo, redo, enabled]);
}
