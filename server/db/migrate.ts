import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PROJECT_ROOT, resolveDatabaseUrl, type DatabaseKind } from "./database-url";
import { pendingMigrations } from "./pending-migrations";

interface PrismaCliResult {
  code: number | null;
  output: string;
}

/** Path of the prisma CLI entry point (the package does not export it, so resolve its folder). */
function prismaCliPath(): string {
  const require = createRequire(join(PROJECT_ROOT, "package.json"));
  return join(dirname(require.resolve("prisma/package.json")), "build/index.js");
}

/**
 * Runs the prisma CLI with the provider's config file (prisma/<kind>.config.ts) and DATABASE_URL.
 * `inherit` streams output to the terminal (dev commands); otherwise it is captured.
 */
export function runPrismaCli(
  kind: DatabaseKind,
  args: string[],
  databaseUrl: string,
  options: { inherit?: boolean } = {},
): Promise<PrismaCliResult> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // Offline machine: no update check or telemetry request.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const fullArgs = [prismaCliPath(), ...args, "--config", `prisma/${kind}.config.ts`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, fullArgs, {
      cwd: PROJECT_ROOT,
      env,
      stdio: options.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/**
 * Applies the committed migrations of the provider DATABASE_URL points at (`prisma migrate deploy`), only when
 * some are pending: the CLI costs seconds at every start. When the check itself fails (no table access, odd
 * state), deploy runs and reports whatever is wrong. Resolves with whether deploy ran.
 */
export async function migrateDatabase(databaseUrl: string): Promise<{ deployed: boolean }> {
  const target = resolveDatabaseUrl(databaseUrl);
  if (target.filePath) mkdirSync(dirname(target.filePath), { recursive: true });
  const pending = await pendingMigrations(target).catch(() => null);
  if (pending && pending.length === 0) return { deployed: false };
  let result: PrismaCliResult;
  try {
    result = await runPrismaCli(target.kind, ["migrate", "deploy"], target.url);
  } catch (error) {
    throw new Error(`Database migration (${target.kind}) could not start the prisma CLI: ${String(error)}`);
  }
  if (result.code !== 0) {
    if (target.kind === "sqlite" && /SocketTimeout|database is locked/.test(result.output)) {
      throw new Error(
        `Database migration (sqlite, ${target.filePath}) could not lock the database file: is another Remit server running on it? ` +
          `Stop it, or give this one another DATABASE_URL.`,
      );
    }
    const where = target.kind === "sqlite" ? target.filePath : redactPassword(target.url);
    throw new Error(
      `Database migration (${target.kind}, ${where}) failed with exit code ${result.code}:\n${errorPart(result.output)}`,
    );
  }
  return { deployed: true };
}

/** From the first "Error" line on: skips the CLI's banner and its warning about the schema's url. */
function errorPart(output: string): string {
  const start = output.search(/^Error/m);
  return (start >= 0 ? output.slice(start) : output).trim();
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
