/**
 * The chair's marking and releasability page (MARK-3, MARK-13): pick the marking from BOARD_MARKINGS, who the board
 * is releasable to, and see the members now outside the list (kept, refused reads until the list changes).
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field";
import { ErrorView } from "~/components/error-view";
import { FieldError, fieldErrorId } from "~/components/field-error";
import { delegationName, t, tMessage } from "~/i18n";
import { requireBoardAccess, withAccessErrors } from "~/lib/board-access.server";
import { readFormWithCsrf } from "~/lib/csrf.server";
import { requireUser } from "~/lib/session.server";
import { requestI18n } from "~/i18n/request-locale.server";
import { ROLE_CAN } from "../../core/roles";
import { LIST_PLACEHOLDER } from "../../core/markings";
import { RELEASABILITY_PRESETS, type Releasability } from "../../core/releasability";

const FORM_ID = "marking";
const CHOICES = ["any", ...RELEASABILITY_PRESETS, "delegations"] as const;
const CHOICE_LABEL = {
  any: "markings.any",
  "nato-eu": "markings.natoEu",
  nato: "markings.nato",
  eu: "markings.eu",
  delegations: "markings.named",
} as const;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t("markings.metaTitle", { title: loaded.board.title }) : t("app.name") },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id, {
    may: ROLE_CAN.manageBoard,
    to: "set the marking",
  });
  const settings = await withAccessErrors(() => context.markings.getSettings(user.id, board.id));
  const delegations = await context.auth.listDelegations();
  // In the reader's language and alphabetical order (I18N-11): "Allemagne" among the A's on a French page.
  const { collator, delegationName: nameIn } = requestI18n(request, user.locale);
  return {
    board: { id: board.id, title: board.title },
    settings,
    delegations: delegations
      .map(({ code, name }) => ({ code, name: nameIn(code, name) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}

function releasabilityOf(formData: FormData): Releasability | null {
  const kind = formData.get("releasability");
  if (kind === "any") return { kind: "any" };
  if (kind === "delegations")
    return { kind: "delegations", codes: formData.getAll("codes").filter((c): c is string => typeof c === "string") };
  if ((RELEASABILITY_PRESETS as readonly unknown[]).includes(kind))
    return { kind: "preset", preset: kind as (typeof RELEASABILITY_PRESETS)[number] };
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormWithCsrf(request);
  const user = await requireUser(request, context);
  const { board } = await requireBoardAccess(context, params.boardId, user.id, {
    may: ROLE_CAN.manageBoard,
    to: "set the marking",
    change: true,
  });
  const releasability = releasabilityOf(formData);
  if (!releasability)
    return data({ ok: false, fieldErrors: { releasability: "forms.badRequest" } as Record<string, string> }, 422);
  const result = await withAccessErrors(() =>
    context.markings.setMarking(user.id, board.id, { marking: formData.get("marking"), releasability }),
  );
  if (!result.ok) return data({ ok: false, fieldErrors: result.fieldErrors as Record<string, string> }, 422);
  return { ok: true, fieldErrors: {} as Record<string, string> };
}

export default function BoardMarking() {
  const { board, settings, delegations } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const errors = acted?.fieldErrors ?? {};
  const chosen = settings.releasability;
  const codes = chosen.kind === "delegations" ? chosen.codes : [];
  const kind = chosen.kind === "preset" ? chosen.preset : chosen.kind;
  return (
    <div className="page page-narrow">
      <Link to={`/boards/${board.id}`} className="back-link">
        <span aria-hidden="true">←</span> {t("members.backToBoard")}
      </Link>
      <section className="panel" aria-labelledby="marking-heading">
        <h1 id="marking-heading">{t("markings.heading")}</h1>
        <p>
          <strong>{t("markings.notAccredited")}</strong>
        </p>
        <p data-testid="marking-current">{t("markings.current", { marking: settings.markingText })}</p>
        {acted?.ok && (
          <p role="status" data-testid="marking-saved">
            {t("markings.saved")}
          </p>
        )}
        <Form method="post" className="form-grid" data-testid="marking-form" noValidate>
          <CsrfField />
          <div className="form-field">
            <label htmlFor={`${FORM_ID}-marking`}>{t("markings.markingLabel")}</label>
            <select
              id={`${FORM_ID}-marking`}
              name="marking"
              defaultValue={settings.marking}
              aria-invalid={errors.marking ? true : undefined}
              aria-describedby={`${FORM_ID}-marking-hint${errors.marking ? ` ${fieldErrorId(FORM_ID, "marking")}` : ""}`}
            >
              {settings.options.map((option) => (
                <option key={option} value={option}>
                  {/* The pattern's placeholder is worded for the reader; the value stays the configured marking. */}
                  {option.replace(LIST_PLACEHOLDER, t("markings.listPlaceholder"))}
                </option>
              ))}
            </select>
            <p id={`${FORM_ID}-marking-hint`} className="muted">
              {t("markings.markingHint")}
            </p>
            <FieldError formId={FORM_ID} field="marking" message={errors.marking && tMessage(errors.marking)} />
          </div>
          <fieldset className="form-field">
            <legend>{t("markings.releasabilityLabel")}</legend>
            <p className="muted">{t("markings.releasabilityHint")}</p>
            {CHOICES.map((choice) => (
              <label key={choice} className="radio-option">
                <input type="radio" name="releasability" value={choice} defaultChecked={kind === choice} />{" "}
                {t(CHOICE_LABEL[choice])}
              </label>
            ))}
            <FieldError
              formId={FORM_ID}
              field="releasability"
              message={errors.releasability && tMessage(errors.releasability)}
            />
          </fieldset>
          <div className="form-field">
            <label htmlFor={`${FORM_ID}-codes`}>{t("markings.codesLabel")}</label>
            <select id={`${FORM_ID}-codes`} name="codes" multiple size={8} defaultValue={codes}>
              {delegations.map((delegation) => (
                <option key={delegation.code} value={delegation.code}>
                  {delegation.name} ({delegation.code})
                </option>
              ))}
            </select>
            <FieldError formId={FORM_ID} field="codes" message={errors.codes && tMessage(errors.codes)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="marking-save">
              {t("markings.save")}
            </button>
          </div>
        </Form>
      </section>
      <section className="panel" aria-labelledby="withheld-heading" data-testid="marking-withheld">
        <h2 id="withheld-heading">{t("markings.withheldHeading")}</h2>
        {settings.withheld.length === 0 ? (
          <p>{t("markings.withheldNone")}</p>
        ) : (
          <>
            <p>{t("markings.withheldIntro")}</p>
            <ul>
              {settings.withheld.map((member) => (
                <li key={member.userId} data-testid="withheld-member">
                  <bdi>{member.displayName}</bdi> ({delegationName(member.delegation.code, member.delegation.name)})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorView />;
}
