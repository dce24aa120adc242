/**
 * A new comment on a row (optionally about one of its cells) or a reply to a
 * thread, with @mentions: picking someone inserts "@Name" in the text and
 * posts their id; mentions whose "@Name" was deleted from the text are dropped.
 * "@Name" typed by hand is resolved as the server will (./typed-mentions.tsx).
 */
import { useId, useMemo, useRef, useState } from "react";
import { t } from "~/i18n";
import { COMMENT_CELLS } from "../../../core/consensus-contract";
import {
  addMention,
  insertMention,
  mentionOptions,
  mentionsInText,
  mentionToken,
  type MentionOption,
} from "~/lib/mentions";
import { errorProps, FieldError } from "../field-error";
import { useConsensus } from "./consensus-context";
import { ConsensusForm, fieldErrorsOf, useConsensusFetcher } from "./consensus-form";
import { MentionPicker } from "./mention-picker";
import { TypedMentionChips, UnresolvedMentions, useTypedMentions } from "./typed-mentions";

interface Props {
  rowId: string;
  title: string;
  /** Set for a reply. */
  parentId?: string;
  replyTo?: string;
  onDone?: () => void;
  autoFocus?: boolean;
}

export function CommentForm({ rowId, title, parentId, replyTo, onDone, autoFocus }: Props) {
  const { data } = useConsensus();
  const fetcher = useConsensusFetcher();
  const formId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<MentionOption[]>([]);
  const options = useMemo(() => mentionOptions(data?.members ?? [], data?.me.id ?? ""), [data?.members, data?.me.id]);
  const errors = fieldErrorsOf(fetcher);
  const active = mentionsInText(mentions, body);
  const typed = useTypedMentions(body, active);

  const pick = (option: MentionOption) => {
    const caret = textRef.current?.selectionStart ?? body.length;
    const next = insertMention(body, caret, option);
    setBody(next.text);
    setMentions((current) => addMention(current, option));
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const done = () => {
    setBody("");
    setMentions([]);
    if (onDone) onDone();
    else textRef.current?.focus(); // ready for the next comment
  };

  const fields: Record<string, string> = parentId ? { rowId, parentId } : { rowId };
  return (
    <ConsensusForm
      fetcher={fetcher}
      intent="comment-create"
      fields={fields}
      onSuccess={done}
      className="comment-form"
      data-testid={parentId ? "reply-form" : "comment-form"}
    >
      {!parentId && (
        <div className="form-field-inline">
          <label htmlFor={`${formId}-cell`}>{t("comments.about")}</label>
          <select id={`${formId}-cell`} name="cell" defaultValue="" data-testid="comment-cell">
            <option value="">{t("comments.cell-row")}</option>
            {COMMENT_CELLS.map((cell) => (
              <option key={cell} value={cell}>
                {t(`comments.cell-${cell}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${formId}-body`}>
          {parentId ? t("comments.replyTo", { name: replyTo ?? "" }) : t("comments.body")}
        </label>
        <textarea
          id={`${formId}-body`}
          ref={textRef}
          name="body"
          rows={3}
          required
          maxLength={5000}
          value={body}
          autoFocus={autoFocus}
          onChange={(event) => setBody(event.target.value)}
          data-testid="comment-body"
          {...errorProps(formId, "body", errors.body)}
        />
        <FieldError formId={formId} field="body" message={errors.body} />
      </div>
      <MentionPicker people={options.people} delegations={options.delegations} onPick={pick} />
      {(active.length > 0 || typed.resolved.length > 0) && (
        <p className="mention-list small">
          {t("comments.mentioning")}{" "}
          {active.map((option) => (
            <span key={`${option.kind}:${option.id}`} className="mention-chip">
              <bdi>{mentionToken(option)}</bdi>
              <button
                type="button"
                className="chip-remove"
                aria-label={t("comments.removeMention", { name: option.label })}
                onClick={() => setMentions((current) => current.filter((m) => m !== option))}
              >
                ×
              </button>
              <input
                type="hidden"
                name={option.kind === "user" ? "mentionUserIds" : "mentionDelegationCodes"}
                value={option.id}
              />
            </span>
          ))}
          {/* Typed by hand: the server finds them in the text. */}
          <TypedMentionChips mentions={typed.resolved} />
        </p>
      )}
      <UnresolvedMentions mentions={typed.unresolved} />
      <FieldError formId={formId} field="parentId" message={errors.parentId} alert />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          data-testid="comment-submit"
          aria-label={parentId ? undefined : t("comments.postFor", { title })}
        >
          {fetcher.state !== "idle" ? t("comments.posting") : parentId ? t("comments.postReply") : t("comments.post")}
        </button>
        {onDone && parentId && (
          <button type="button" className="button button-small" onClick={onDone}>
            {t("comments.cancel")}
          </button>
        )}
      </div>
    </ConsensusForm>
  );
}
