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
import { z } from "zod";
import { createAuthServices } from "../server/auth/auth-service";
import { EmailSchema, PasswordSchema } from "../server/auth/account-schemas";
import { loadConfig } from "../server/config";
import { migrateDatabase } from "../server/db/migrate";
import { createPrismaClient } from "../server/db/prisma-client";

async function main(): Promise<number> {
  const email = EmailSchema.safeParse(process.argv[2] ?? "");
  if (!email.success) {
    console.error("usage: npm run admin:reset-password -- <email>");
    return 2;
  }
  let password = process.env.REMIT_NEW_PASSWORD;
  if (!password) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    password = await prompt.question("New password (at least 10 characters): ");
    prompt.close();
  }
  const checked = PasswordSchema.safeParse(password);
  if (!checked.success) {
    console.error(z.prettifyError(checked.error));
    return 2;
  }
  const config = loadConfig();
  await migrateDatabase(config.DATABASE_URL);
  const prisma = createPrismaClient(config.DATABASE_URL);
  try {
    // Sessions are revoked in the database; sockets a running server already holds stay open until they reconnect.
    const auth = createAuthServices(prisma, {
      loginAttemptsPerWindow: 5,
      loginWindowMs: 60_000,
      onSessionsRevoked: () => undefined,
    });
    const done = await auth.resetPassword(email.data, checked.data);
    console.log(
      done ? `Password reset for ${email.data}; all its sessions are signed out.` : `No account uses ${email.data}.`,
    );
    return done ? 0 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

process.exit(await main());
