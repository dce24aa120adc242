/**
 * After a submission comes back with field errors, focus the first invalid
 * field: its message (linked with aria-describedby) is then read out, and the
 * keyboard is where the fix is typed. A radio group marked invalid on its
 * fieldset gets focus on its checked (else first) radio.
 */
import { useEffect, type RefObject } from "react";

/** The element to focus for the first [aria-invalid="true"] inside `root`, if any. */
function firstInvalidControl(root: ParentNode): HTMLElement | null {
  const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return null;
  if (invalid.tagName !== "FIELDSET") return invalid;
  return (
    invalid.querySelector<HTMLElement>("input:checked:not(:disabled)") ??
    invalid.querySelector<HTMLElement>(
      "input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled)",
    )
  );
}

/**
 * `result` is the answer of the last submission (action data, fetcher data):
 * each new answer with errors moves focus once; re-renders do not.
 */
export function useFocusFirstInvalid(formRef: RefObject<HTMLElement>, result: unknown): void {
  useEffect(() => {
    if (!result) return;
    const frame = requestAnimationFrame(() => {
      const form = formRef.current;
      if (form) firstInvalidControl(form)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [result, formRef]);
}
