/** "All delegations" or one of them. Named `delegation` so a GET form puts it in the query string. */
import { delegationName, t } from "~/i18n";

interface Props {
  id: string;
  delegations: readonly { code: string; name: string }[];
  value: string;
  onChange?: (code: string) => void;
}

export function DelegationFilter({ id, delegations, value, onChange }: Props) {
  const common = { id, name: "delegation", "data-testid": "activity-delegation" };
  const options = (
    <>
      <option value="">{t("activity.allDelegations")}</option>
      {delegations.map((d) => (
        <option key={d.code} value={d.code}>
          {delegationName(d.code, d.name)}
        </option>
      ))}
    </>
  );
  return (
    <div className="form-field form-field-inline">
      <label htmlFor={id}>{t("activity.filter")}</label>
      {onChange ? (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          {options}
        </select>
      ) : (
        <select {...common} defaultValue={value}>
          {options}
        </select>
      )}
    </div>
  );
}
