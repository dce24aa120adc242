/** One cell of the matrix: roving tabindex, and a coloured outline with names when others edit it. */
import type { CSSProperties, ReactNode } from "react";
import type { PresenceEntry } from "~/hooks/use-presence";
import { formatList, t } from "~/i18n";
import { readableTextColor } from "~/lib/initials";

interface Props {
  col: number;
  active: boolean;
  editors: readonly PresenceEntry[];
  className?: string;
  children: ReactNode;
}

export function GridCell({ col, active, editors, className, children }: Props) {
  const color = editors[0]?.user.color;
  const style = color
    ? ({ "--presence-color": color, "--presence-ink": readableTextColor(color) } as CSSProperties)
    : undefined;
  const names = [...new Set(editors.map((editor) => editor.user.name))];
  return (
    <div
      role="gridcell"
      data-col={col}
      tabIndex={active ? 0 : -1}
      className={`cell${editors.length > 0 ? " cell-remote-focus" : ""}${className ? ` ${className}` : ""}`}
      style={style}
    >
      {children}
      {names.length > 0 && (
        <span className="cell-editors" data-testid="cell-presence">
          {names.length === 1
            ? t("grid.editing", { name: names[0] })
            : t("grid.editingMany", { names: formatList(names, "conjunction") })}
        </span>
      )}
    </div>
  );
}
