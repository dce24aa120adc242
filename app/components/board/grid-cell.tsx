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
  // Observers (and anyone on an archived board) only look: "viewing", never "editing" (server-stamped canEdit).
  const names = [...new Set(editors.filter((e) => e.user.canEdit !== false).map((editor) => editor.user.name))];
  const viewers = [
    ...new Set(editors.filter((e) => e.user.canEdit === false).map((editor) => editor.user.name)),
  ].filter((name) => !names.includes(name));
  return (
    <div
      role="gridcell"
      data-col={col}
      tabIndex={active ? 0 : -1}
      className={`cell${editors.length > 0 ? " cell-remote-focus" : ""}${className ? ` ${className}` : ""}`}
      style={style}
    >
      {children}
      {(names.length > 0 || viewers.length > 0) && (
        <span className="cell-editors" data-testid="cell-presence">
          {names.length > 0 && (
            <bdi data-testid="cell-editing">
              {names.length === 1
                ? t("grid.editing", { name: names[0] })
                : t("grid.editingMany", { names: formatList(names, "conjunction") })}
            </bdi>
          )}
          {names.length > 0 && viewers.length > 0 && " · "}
          {viewers.length > 0 && (
            <bdi data-testid="cell-viewing">
              {viewers.length === 1
                ? t("grid.viewing", { name: viewers[0] })
                : t("grid.viewingMany", { names: formatList(viewers, "conjunction") })}
            </bdi>
          )}
        </span>
      )}
    </div>
  );
}
