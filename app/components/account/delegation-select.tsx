/** The delegation <select>, grouped: NATO & EU, NATO only, EU only, partners, institutions. */
import { t, type MessageKey } from "~/i18n";
import { groupDelegations, type DelegationGroup } from "~/lib/delegation-groups";
import type { DelegationInfo } from "../../../core/services";
import { errorProps, FieldError } from "../field-error";

const GROUP_LABELS: Record<DelegationGroup, MessageKey> = {
  both: "account.groupBoth",
  nato: "account.groupNato",
  eu: "account.groupEu",
  partner: "account.groupPartner",
  institution: "account.groupInstitution",
};

interface Props {
  formId: string;
  delegations: readonly DelegationInfo[];
  defaultValue: string | undefined;
  error: string | undefined;
}

export function DelegationSelect({ formId, delegations, defaultValue, error }: Props) {
  return (
    <div className="form-field">
      <label htmlFor={`${formId}-delegation`}>{t("account.delegation")}</label>
      <select
        id={`${formId}-delegation`}
        name="delegationCode"
        required
        defaultValue={defaultValue ?? ""}
        {...errorProps(formId, "delegationCode", error)}
      >
        <option value="" disabled>
          {t("account.chooseDelegation")}
        </option>
        {groupDelegations(delegations).map(({ group, delegations: members }) => (
          <optgroup key={group} label={t(GROUP_LABELS[group])}>
            {members.map((delegation) => (
              <option key={delegation.code} value={delegation.code}>
                {delegation.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError formId={formId} field="delegationCode" message={error} />
    </div>
  );
}
