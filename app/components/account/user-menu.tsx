/** Header: who is signed in, a link to the account page and "Sign out". */
import { Form, Link } from "@remix-run/react";
import { t } from "~/i18n";
import { wipeThenSubmit } from "~/lib/unsaved-edits-store";
import { Message } from "../message";
import { CsrfField } from "../csrf-field";

interface Props {
  user: { id: string; displayName: string; delegationName: string };
}

export function UserMenu({ user }: Props) {
  return (
    <nav
      className="user-menu"
      aria-label={t("account.userMenu", { name: user.displayName, delegation: user.delegationName })}
    >
      <span className="identity" data-testid="current-user">
        <Message
          id="account.signedInAs"
          values={{ name: <bdi>{user.displayName}</bdi>, delegation: user.delegationName }}
        />
      </span>
      <Link to="/account" className="header-link">
        {t("account.accountLink")}
      </Link>
      {/* A full page POST: signing out drops all client state, unsent edits kept in the browser too. */}
      <Form method="post" action="/logout" reloadDocument className="inline" onSubmit={wipeThenSubmit(user.id)}>
        <CsrfField />
        <button type="submit" className="header-button" data-testid="sign-out">
          {t("account.signOut")}
        </button>
      </Form>
    </nav>
  );
}
