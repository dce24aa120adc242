/**
 * Accounts and server-side sessions. Sessions are revocable rows; the cookie
 * carries a random token whose hash is the row id, and a new token is issued
 * at every sign-in (rotation).
 */
import { randomUUID } from "node:crypto";
import type { AuthServices, CurrentUser, DelegationInfo } from "../../core/services";
import type { PrismaClient } from "../db/prisma-client";
import { fieldErrorsOf, SignInSchema, SignUpSchema } from "./account-schemas";
import { DELEGATIONS } from "./delegation-list";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import { RateLimiter } from "./rate-limiter";
import { hashToken, newToken } from "./tokens";

export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;

const delegationSelect = { code: true, name: true, nato: true, eu: true, institution: true } as const;
const userSelect = { id: true, email: true, displayName: true, delegation: { select: delegationSelect } } as const;

export interface AuthOptions {
  /** Failed sign-ins allowed per account and per IP in one window. */
  loginAttemptsPerWindow: number;
  loginWindowMs: number;
  /** Called when a user's sessions are revoked (to close their sockets). */
  onSessionsRevoked: (userId: string) => void;
  now?: () => number;
}

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

export function createAuthServices(
  prisma: PrismaClient,
  options: AuthOptions,
): AuthServices & {
  createAccount(input: {
    email: string;
    password: string;
    displayName: string;
    delegationCode: string;
  }): Promise<CurrentUser>;
  resetPassword(email: string, password: string): Promise<boolean>;
} {
  const now = options.now ?? Date.now;
  const perAccount = new RateLimiter(options.loginAttemptsPerWindow, options.loginWindowMs, now);
  const perIp = new RateLimiter(options.loginAttemptsPerWindow * 4, options.loginWindowMs, now);

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
    return prisma.user.create({
      data: {
        id: randomUUID(),
        email: input.email,
        passwordHash: await hashPassword(input.password),
        displayName: input.displayName,
        delegationCode: input.delegationCode,
      },
      select: userSelect,
    });
  }

  return {
    createAccount,

    async listDelegations(): Promise<DelegationInfo[]> {
      return prisma.delegation.findMany({ select: delegationSelect, orderBy: { name: "asc" } });
    },

    async signUp(raw) {
      const parsed = SignUpSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
      const input = parsed.data;
      const delegation = await prisma.delegation.findUnique({
        where: { code: input.delegationCode },
        select: { code: true },
      });
      if (!delegation) return { ok: false, fieldErrors: { delegationCode: "Choose a delegation from the list" } };
      const taken = { ok: false as const, fieldErrors: { email: "An account with this email already exists" } };
      const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) return taken;
      let user: CurrentUser;
      try {
        user = await createAccount(input);
      } catch (error) {
        // Two sign-ups with one email at the same moment: the unique index decides, the loser is told why (not a 500).
        if ((error as { code?: unknown } | null)?.code === "P2002") return taken;
        throw error;
      }
      return { ok: true, sessionToken: await startSession(user.id), user };
    },

    async signIn(raw, clientIp) {
      const parsed = SignInSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, reason: "invalid-credentials" };
      const { email, password } = parsed.data;
      const accountLimit = perAccount.hit(`account:${email}`);
      const ipLimit = perIp.hit(`ip:${clientIp}`);
      if (!accountLimit.allowed || !ipLimit.allowed) {
        return {
          ok: false,
          reason: "rate-limited",
          retryAfterSeconds: Math.max(accountLimit.retryAfterSeconds, ipLimit.retryAfterSeconds),
        };
      }
      const user = await prisma.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
      // Verify against a decoy when the account is unknown, so timing does not tell which emails exist.
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !valid) return { ok: false, reason: "invalid-credentials" };
      perAccount.reset(`account:${email}`);
      const { passwordHash: _hash, ...current } = user;
      return { ok: true, sessionToken: await startSession(user.id), user: current };
    },

    async getSessionUser(sessionToken) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
      const session = await prisma.session.findUnique({
        where: { id: hashToken(sessionToken) },
        select: { expiresAt: true, user: { select: userSelect } },
      });
      if (!session || session.expiresAt.getTime() <= now()) return null;
      return session.user;
    },

    async signOut(sessionToken) {
      await prisma.session.deleteMany({ where: { id: hashToken(sessionToken) } });
    },

    async signOutEverywhere(userId) {
      await prisma.session.deleteMany({ where: { userId } });
      options.onSessionsRevoked(userId);
    },

    async resetPassword(email, password) {
      const result = await prisma.user.updateMany({
        where: { email: email.toLowerCase() },
        data: { passwordHash: await hashPassword(password) },
      });
      const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
      if (user) {
        await prisma.session.deleteMany({ where: { userId: user.id } });
        options.onSessionsRevoked(user.id);
      }
      return result.count > 0;
    },
  };
}
