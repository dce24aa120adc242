/**
 * Accounts and server-side sessions. Sessions are revocable rows; the cookie
 * carries a random token whose hash is the row id, and a new token is issued
 * at every sign-in (rotation).
 */
import { randomUUID } from "node:crypto";
import type { AuthServices, CurrentUser, DelegationInfo } from "../../core/services";
import { LocaleSchema } from "../../core/locale";
import type { PrismaClient } from "../db/prisma-client";
import { fieldErrorsOf, SignInSchema, SignUpSchema } from "./account-schemas";
import { DELEGATIONS } from "./delegation-list";
import { delegationInfoSelect, toDelegationInfo } from "../db/delegation-info";
import { passwordProblem, type PasswordProblem } from "./password-policy";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { MemoryAttemptStore, SignInLimiter, WindowLimiter, type AttemptStore } from "./rate-limiter";
import { hashToken, newToken } from "./tokens";
import { messageRef } from "../../core/message-ref";

const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;

const delegationSelect = delegationInfoSelect;
const userSelect = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  delegation: { select: delegationSelect },
} as const;

interface AuthDeps {
  prisma: PrismaClient;
  /** Failed sign-ins allowed per (account, client) in one window (4x that per client over all accounts). */
  loginAttemptsPerWindow: number;
  loginWindowMs: number;
  /** Longest back-off an account gets from failures spread over many clients. */
  loginMaxBackoffMs?: number;
  /** Sign-up attempts allowed per client per hour. */
  signUpsPerHour?: number;
  /** Where attempt counters live (memory by default; a shared store for several instances). */
  attemptStore?: AttemptStore;
  /** Called when all of a user's sessions are revoked (to close their sockets). */
  onSessionsRevoked: (userId: string) => void;
  /** Called when one session ends (sign-out), with its id (the token's hash). */
  onSessionEnded?: (sessionId: string) => void;
  now?: () => number;
}

type UserRow = { delegation: Parameters<typeof toDelegationInfo>[0] };

function toCurrentUser<T extends UserRow>(user: T): Omit<T, "delegation"> & { delegation: DelegationInfo } {
  return { ...user, delegation: toDelegationInfo(user.delegation) };
}

type ResetPasswordResult = { ok: true } | { ok: false; problem: "no-account" | PasswordProblem };

/** Writes the delegations that are missing or differ (one read, not a query per delegation, at every start). */
export async function seedDelegations(prisma: PrismaClient): Promise<void> {
  const stored = new Map(
    (await prisma.delegation.findMany({ select: delegationSelect })).map((row) => [row.code, row] as const),
  );
  for (const delegation of DELEGATIONS) {
    const row = stored.get(delegation.code);
    if (
      row &&
      row.name === delegation.name &&
      row.nato === delegation.nato &&
      row.eu === delegation.eu &&
      (row.partner ?? false) === delegation.partner &&
      row.institution === delegation.institution
    )
      continue;
    await prisma.delegation.upsert({
      where: { code: delegation.code },
      create: delegation,
      update: delegation,
      select: { code: true },
    });
  }
}

export function createAuthServices(deps: AuthDeps): AuthServices & {
  createAccount(input: {
    email: string;
    password: string;
    displayName: string;
    delegationCode: string;
  }): Promise<CurrentUser>;
  resetPassword(email: string, password: string): Promise<ResetPasswordResult>;
  /** Of these session ids, the ones that still exist and have not expired (sockets re-check theirs). */
  liveSessionIds(sessionIds: readonly string[]): Promise<Set<string>>;
} {
  const { prisma } = deps;
  const now = deps.now ?? Date.now;
  const store = deps.attemptStore ?? new MemoryAttemptStore(now);
  const signIns = new SignInLimiter(store, {
    attempts: deps.loginAttemptsPerWindow,
    windowMs: deps.loginWindowMs,
    maxBackoffMs: deps.loginMaxBackoffMs ?? 60_000,
    now,
  });
  const signUps = new WindowLimiter(store, deps.signUpsPerHour ?? 20, 3600_000, now);

  async function startSession(userId: string): Promise<string> {
    const token = newToken();
    await prisma.session.create({
      data: { id: hashToken(token), userId, expiresAt: new Date(now() + SESSION_LIFETIME_MS) },
      select: { id: true },
    });
    return token;
  }

  async function createAccount(input: {
    email: string;
    password: string;
    displayName: string;
    delegationCode: string;
  }): Promise<CurrentUser> {
    return prisma.user
      .create({
        data: {
          id: randomUUID(),
          email: input.email,
          passwordHash: await hashPassword(input.password),
          displayName: input.displayName,
          delegationCode: input.delegationCode,
        },
        select: userSelect,
      })
      .then(toCurrentUser);
  }

  return {
    createAccount,

    async listDelegations(): Promise<DelegationInfo[]> {
      const rows = await prisma.delegation.findMany({ select: delegationSelect, orderBy: { name: "asc" } });
      return rows.map(toDelegationInfo);
    },

    async signUp(raw, clientIp) {
      const throttle = await signUps.hit(`signup:${clientIp}`);
      if (!throttle.allowed)
        return { ok: false, reason: "rate-limited", retryAfterSeconds: throttle.retryAfterSeconds };
      const parsed = SignUpSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
      const input = parsed.data;
      const problem = await passwordProblem(input.password, input);
      if (problem) return { ok: false, fieldErrors: { password: messageRef(problem) } };
      const delegation = await prisma.delegation.findUnique({
        where: { code: input.delegationCode },
        select: { code: true },
      });
      if (!delegation) return { ok: false, fieldErrors: { delegationCode: messageRef("account.delegationUnknown") } };
      // From here on the answer and the work are the same whether the email is taken or not: the password is
      // always hashed (the slow step), no session is started, and the answer is `accepted` (decision 016).
      const passwordHash = await hashPassword(input.password);
      const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (!existing) {
        try {
          await prisma.user.create({
            data: {
              id: randomUUID(),
              email: input.email,
              passwordHash,
              displayName: input.displayName,
              delegationCode: input.delegationCode,
            },
            select: { id: true },
          });
        } catch (error) {
          // Two sign-ups with one email at the same moment: the unique index keeps one; same answer for both.
          if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
        }
      }
      return { ok: true, accepted: true };
    },

    async signIn(raw, clientIp) {
      const parsed = SignInSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, reason: "invalid-credentials" };
      const { email, password } = parsed.data;
      const limit = await signIns.check(email, clientIp);
      if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
      const user = await prisma.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
      // Verify against a decoy when the account is unknown, so timing does not tell which emails exist.
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !valid) {
        await signIns.recordFailure(email, clientIp);
        return { ok: false, reason: "invalid-credentials" };
      }
      await signIns.recordSuccess(email, clientIp);
      const { passwordHash: _hash, ...current } = user;
      return { ok: true, sessionToken: await startSession(user.id), user: toCurrentUser(current) };
    },

    async getSessionUser(sessionToken) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
      const session = await prisma.session.findUnique({
        where: { id: hashToken(sessionToken) },
        select: { expiresAt: true, user: { select: userSelect } },
      });
      if (!session || session.expiresAt.getTime() <= now()) return null;
      return toCurrentUser(session.user);
    },

    async setLocale(userId, locale) {
      await prisma.user.update({
        where: { id: userId },
        data: { locale: LocaleSchema.parse(locale) },
        select: { id: true },
      });
    },

    async signOut(sessionToken) {
      const sessionId = hashToken(sessionToken);
      await prisma.session.deleteMany({ where: { id: sessionId } });
      deps.onSessionEnded?.(sessionId);
    },

    async liveSessionIds(sessionIds) {
      if (sessionIds.length === 0) return new Set();
      const live = await prisma.session.findMany({
        where: { id: { in: [...sessionIds] }, expiresAt: { gt: new Date(now()) } },
        select: { id: true },
      });
      return new Set(live.map((session) => session.id));
    },

    async signOutEverywhere(userId) {
      await prisma.session.deleteMany({ where: { userId } });
      deps.onSessionsRevoked(userId);
    },

    async resetPassword(email, password) {
      const user = await prisma.user.findUnique({
        where: { email: email.trim().toLowerCase() },
        select: { id: true, email: true, displayName: true },
      });
      if (!user) return { ok: false, problem: "no-account" };
      const problem = await passwordProblem(password, user);
      if (problem) return { ok: false, problem };
      const passwordHash = await hashPassword(password);
      // One transaction: a new password and no old session, or neither.
      await prisma.$transaction([
        prisma.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } }),
        prisma.session.deleteMany({ where: { userId: user.id } }),
      ]);
      deps.onSessionsRevoked(user.id);
      return { ok: true };
    },
  };
}
