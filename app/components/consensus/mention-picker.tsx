/** Picks a person or a delegation to mention (a native select: keyboard and screen readers for free). */
import { useId } from "react";
import { t } from "~/i18n";
import type { MentionOption } from "~/lib/mentions";

interface Props {
  people: readonly MentionOption[];
  delegations: readonly MentionOption[];
  onPick: (option: MentionOption) => void;
}

const valueOf = (option: MentionOption) => `${option.kind}:${option.id}`;

export function MentionPicker({ people, delegations, onPick }: Props) {
  const id = useId();
  const all = [...people, ...delegations];
  return (
    <div className="form-field-inline mention-picker">
      <label htmlFor={id}>{t("comments.mentionPick")}</label>
      <select
        id={id}
        value=""
        data-testid="mention-select"
        onChange={(event) => {
          const option = all.find((o) => valueOf(o) === event.target.value);
          if (option) onPick(option);
        }}
      >
        <option value="">{t("comments.mentionPlaceholder")}</option>
        {people.length > 0 && (
          <optgroup label={t("comments.people")}>
            {people.map((option) => (
              <option key={valueOf(option)} value={valueOf(option)}>
                {option.detail ? t("comments.author", { name: option.label, delegation: option.detail }) : option.label}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t("comments.delegations")}>
          {delegations.map((option) => (
            <option key={valueOf(option)} value={valueOf(option)}>
              {option.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
