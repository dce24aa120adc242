/** A <select> of the three roles. */
import { t } from "~/i18n";
import { BOARD_ROLES, type BoardRole } from "../../../core/services";

interface Props {
  id: string;
  name?: string;
  defaultValue: BoardRole;
  label?: string;
  describedBy?: string;
  invalid?: boolean;
}

export function RoleSelect({ id, name = "role", defaultValue, label, describedBy, invalid = false }: Props) {
  return (
    <select
      id={id}
      name={name}
      defaultValue={defaultValue}
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      data-testid="role-select"
    >
      {BOARD_ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  );
}
