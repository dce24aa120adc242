/**
 * Real accounts and sessions for integration tests, made through the same
 * services the app uses.
 */
import { SESSION_COOKIE } from "../../core/cookies";
import type { BoardRole, CurrentUser } from "../../core/services";
import type { RemitServer } from "../../server/remit-server";

export interface TestAccount {
  user: CurrentUser;
  sessionToken: string;
  /** Cookie header value carrying the session. */
  cookie: string;
  password: string;
}

let counter = 0;

export async function createAccount(
  server: RemitServer,
  displayName: string,
  delegationCode = "DE",
): Promise<TestAccount> {
  counter += 1;
  const email = `${displayName.toLowerCase().replace(/[^a-z]/g, "")}.${counter}.${Date.now()}@test.remit`;
  const password = "correct horse battery";
  await server.auth.createAccount({ email, password, displayName, delegationCode });
  const signIn = await server.auth.signIn({ email, password }, "127.0.0.1");
  if (!signIn.ok) throw new Error(`sign-in failed for ${email}`);
  return {
    user: signIn.user,
    sessionToken: signIn.sessionToken,
    cookie: `${SESSION_COOKIE}=${signIn.sessionToken}`,
    password,
  };
}

export async function addMember(
  server: RemitServer,
  chair: TestAccount,
  boardId: string,
  member: TestAccount,
  role: BoardRole,
) {
  const result = await server.access.addMemberByEmail(chair.user.id, boardId, member.user.email, role);
  if (!result.ok) throw new Error(`could not add member: ${JSON.stringify(result.fieldErrors)}`);
}
