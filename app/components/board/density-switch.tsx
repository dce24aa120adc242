/** Compact (one line per threat, spreadsheet-like) or comfortable rows; remembered on this browser. */
import { NATIVE_UNDO_ATTRIBUTE } from "~/hooks/use-undo-manager";
import { t } from "~/i18n";
import { DENSITIES, saveDensity, type Density } from "~/lib/density";

interface Props {
  density: Density;
  onChange: (density: Density) => void;
}

export function DensitySwitch({ density, onChange }: Props) {
  const nativeUndo = { [NATIVE_UNDO_ATTRIBUTE]: "" };
  return (
    <fieldset className="segmented density-switch" data-testid="density-switch" {...nativeUndo}>
      <legend className="visually-hidden">{t("density.label")}</legend>
      {DENSITIES.map((value) => (
        <label key={value} className="segment">
          <input
            type="radio"
            name="density"
            value={value}
            checked={density === value}
            onChange={() => {
              saveDensity(value);
              onChange(value);
            }}
          />
          <span>{t(`density.${value}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
