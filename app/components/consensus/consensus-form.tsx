/**
 * A form posted to the consensus route with a fetcher: CSRF token, intent and
 * hidden fields included; field errors of the answer; a callback when it succeeded.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, type FormHTMLAttributes, type ReactNode } from "react";
import { useFocusFirstInvalid } from "~/hooks/use-focus-invalid";
import type { ConsensusIntent } from "~/lib/consensus-forms";
import type { action as consensusAction } from "~/routes/boards.$boardId_.consensus";
import { CsrfField } from "../csrf-field";
import { FieldError } from "../field-error";
import { useConsensus } from "./consensus-context";

type ConsensusFetcher = ReturnType<typeof useFetcher<typeof consensusAction>>;

export function useConsensusFetcher(): ConsensusFetcher {
  return useFetcher<typeof consensusAction>();
}

/** Field errors of the fetcher's last answer (none while it is busy). */
export function fieldErrorsOf(fetcher: ConsensusFetcher): Partial<Record<string, string>> {
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  return answer && !answer.ok ? answer.fieldErrors : {};
}

/** Calls onDone once each time a submission of this fetcher ends well. */
function useOnSuccess(fetcher: ConsensusFetcher, onDone: (() => void) | undefined): void {
  const wasBusy = useRef(false);
  const callback = useRef(onDone);
  callback.current = onDone;
  useEffect(() => {
    if (fetcher.state !== "idle") {
      wasBusy.current = true;
      return;
    }
    if (!wasBusy.current) return;
    wasBusy.current = false;
    if (fetcher.data?.ok) callback.current?.();
  }, [fetcher.state, fetcher.data]);
}

type FormProps = Pick<
  FormHTMLAttributes<HTMLFormElement>,
  "className" | "id" | "aria-label" | "aria-labelledby" | "aria-describedby"
> & { "data-testid"?: string };

interface Props extends FormProps {
  fetcher: ConsensusFetcher;
  intent: ConsensusIntent;
  /** Hidden fields (rowId, commentId…). */
  fields?: Record<string, string>;
  onSuccess?: () => void;
  children: ReactNode;
}

export function ConsensusForm({ fetcher, intent, fields = {}, onSuccess, children, ...rest }: Props) {
  const { actionUrl } = useConsensus();
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
  useOnSuccess(fetcher, onSuccess);
  useFocusFirstInvalid(formRef, fetcher.state === "idle" ? fetcher.data : undefined);
  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={actionUrl}
      noValidate
      {...rest}
      // No double submissions; buttons are not disabled meanwhile, so they keep the keyboard focus.
      onSubmit={(event) => fetcher.state !== "idle" && event.preventDefault()}
    >
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {/* Not sent at all (FORMS-1): the fields keep what was typed; this says why. */}
      <FieldError formId={formId} field="form" message={fieldErrorsOf(fetcher).form} alert />
    </fetcher.Form>
  );
}
