/**
 * Admin action until self-service reset exists: sets a new password for an
 * account and revokes all its sessions.
 *
 *   npm run admin:reset-password -- someone@example.org      (asks for the password)
 *   REMIT_NEW_PASSWORD=… npm run admin:reset-password -- someone@example.org
 *
 * Uses DATABASE_URL like the server.
 */
import { createInterface } from "node:readline/promises";
import * as z from "zod";
import { createAuthServices } from "../server/auth/auth-service";
import { EmailSchema, PasswordSchema } from "../server/auth/account-schemas";
import { loadConfig } from "../server/config";
import { migrateDatabase } from "../server/db/migrate";
import { missingMigrations } from "../server/db/migration-status";
import { createPrismaClient } from "../server/db/prisma-client";

/** The policy's answers (i18n keys in the app) in words for the terminal. */
const PROBLEMS: Record<string, string> = {
  "no-account": "No account uses this email.",
  "account.passwordTooShort": "Use at least 12 characters.",
  "account.passwordTooLong": "Use at most 200 characters.",
  "account.passwordTooCommon": "This password is too common or too easy to guess.",
  "account.passwordPersonal": "Do not use the account's email address or name in the password.",
};

async function main(): Promise<number> {
  const email = EmailSchema.safeParse(process.argv[2] ?? "");
  if (!email.success) {
    console.error("usage: npm run admin:reset-password -- <email>");
    return 2;
  }
  let password = process.env.REMIT_NEW_PASSWORD;
  if (!password) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    password = await prompt.question("New password (at least 12 characters, not a common one): ");
    prompt.close();
  }
  const checked = PasswordSchema.safeParse(password);
  if (!checked.success) {
    console.error(PROBLEMS[checked.error.issues[0]?.message ?? ""] ?? z.prettifyError(checked.error));
    return 2;
  }
  const config = loadConfig();
  let prisma = await createPrismaClient(config.DATABASE_URL);
  // Migrating takes the write lock a running server on SQLite holds: only when something is missing.
  if ((await missingMigrations(prisma, config.DATABASE_URL)).length > 0) {
    await prisma.$disconnect();
    await migrateDatabase(config.DATABASE_URL);
    prisma = await createPrismaClient(config.DATABASE_URL);
  }
  try {
    // Sessions are deleted in the database; a running server (another process) notices within
    // SESSION_RECHECK_SECONDS and closes the sockets they opened (server/auth/session-watch.ts).
    const auth = createAuthServices({
      prisma,
      loginAttemptsPerWindow: 5,
      loginWindowMs: 60_000,
      onSessionsRevoked: () => undefined,
    });
    const result = await auth.resetPassword(email.data, checked.data);
    if (result.ok) console.log(`Password reset for ${email.data}; all its sessions are signed out.`);
    else console.error(PROBLEMS[result.problem]);
    return result.ok ? 0 : result.problem === "no-account" ? 1 : 2;
  } finally {
    await prisma.$disconnect();
  }
}

process.exit(await main());
