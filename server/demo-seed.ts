/**
 * Demo data for the quick start (DEMO=true, the default): a chair, three
 * delegates from different delegations and an observer, all on one board made
 * from the starter template. Created only on a database with no accounts.
 * The passwords are public (README): never turn DEMO on for a real meeting.
 */
import type { BoardAccessServices } from "../core/services";
import type { createAuthServices } from "./auth/auth-service";
import type { PrismaClient } from "./db/prisma-client";

const DEMO_PASSWORD = "remit-demo-2026";
const DEMO_BOARD_TITLE = "Demo: Alliance security responsibilities";

const DEMO_ACCOUNTS = [
  { email: "chair@demo.remit", displayName: "Claire Martin", delegationCode: "NATO-IS", role: "chair" },
  { email: "anna@demo.remit", displayName: "Anna Schmidt", delegationCode: "DE", role: "delegate" },
  { email: "pierre@demo.remit", displayName: "Pierre Dubois", delegationCode: "FR", role: "delegate" },
  { email: "lukasz@demo.remit", displayName: "Łukasz Wróbel", delegationCode: "PL", role: "delegate" },
  { email: "olivia@demo.remit", displayName: "Olivia Byrne", delegationCode: "IE", role: "observer" },
] as const;

export async function seedDemo(
  prisma: PrismaClient,
  auth: ReturnType<typeof createAuthServices>,
  access: BoardAccessServices,
): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const users = [];
  for (const account of DEMO_ACCOUNTS) {
    users.push(await auth.createAccount({ ...account, password: DEMO_PASSWORD }));
  }
  const board = await access.createBoard(users[0].id, { title: DEMO_BOARD_TITLE, template: "starter" });
  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    if (index === 0) continue;
    await prisma.boardMember.create({
      data: { boardId: board.id, userId: users[index].id, role: account.role },
      select: { boardId: true },
    });
  }
  return true;
}
