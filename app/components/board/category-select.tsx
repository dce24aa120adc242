/** The threat's category. */
import { t } from "~/i18n";
import { CATEGORIES, setCategory, type Category } from "../../../core/board-doc";
import { useBoard } from "./board-context";

interface Props {
  rowId: string;
  category: Category;
}

export function CategorySelect({ rowId, category }: Props) {
  const { doc, readOnly } = useBoard();
  return (
    <select
      className="category-select"
      aria-label={t("grid.category")}
      data-field="category"
      tabIndex={-1}
      value={category}
      disabled={readOnly}
      onChange={(event) => setCategory(doc, rowId, event.target.value as Category)}
    >
      {CATEGORIES.map((value) => (
        <option key={value} value={value}>
          {t(`category.${value}`)}
        </option>
      ))}
    </select>
  );
}
