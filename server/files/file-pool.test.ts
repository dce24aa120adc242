/**
 * The worker pool's budgets (issue 10 §1): a job over its time or memory
 * budget is killed and refused naming the limit, and the pool goes on
 * serving the next job. Real worker threads (the .ts entry through tsx).
 */
import { afterAll, describe, expect, it } from "vitest";
import { sampleSnapshot } from "../../tests/fixtures/sample-snapshot";
import { createFilePool } from "./file-pool";
import type { ExportTaskResult } from "./file-worker";
import { createMatrixFileServices } from "./matrix-file-services";

const now = new Date().toISOString();
const small = { kind: "export", format: "csv", snapshot: sampleSnapshot({ rows: 3 }), now } as const;
const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe("file pool budgets", () => {
  it("HARDEN-45 a job over its time budget is killed and refused 'time' (503 for an export); the next job runs", async () => {
    const pool = createFilePool({ timeoutMs: 120_000, memoryMb: 512, threads: 1 });
    pools.push(pool);
    const big = { kind: "export", format: "pdf", snapshot: sampleSnapshot({ rows: 5000 }), now } as const;
    await expect(pool.run(big, { timeoutMs: 100 })).rejects.toMatchObject({
      name: "FileJobRefused",
      limit: "time",
      status: 503,
    });
    const file = await pool.run<ExportTaskResult>(small);
    expect(Buffer.from(file.body).toString("utf8")).toContain("#remit:fingerprint");
  }, 60_000);

  it("HARDEN-45 an import over its time budget comes back refused 422 naming 'time'", async () => {
    const files = createMatrixFileServices({ timeoutMs: 1, threads: 1 });
    pools.push(files);
    const result = await files.readImportFile(new TextEncoder().encode("Title\nx\n"), { instruments: [] });
    expect(result).toMatchObject({ valid: false, limit: { name: "time", status: 422 } });
    expect(result.errors[0].message).toMatch(/^importErrors\.time\?seconds=/);
  });

  it("HARDEN-46 a job over its memory budget kills only its worker, refused 'memory'; the pool serves the next job", async () => {
    const pool = createFilePool({ timeoutMs: 120_000, memoryMb: 64, threads: 1 });
    pools.push(pool);
    const big = { kind: "export", format: "xlsx", snapshot: sampleSnapshot({ rows: 5000 }), now } as const;
    await expect(pool.run(big)).rejects.toMatchObject({ name: "FileJobRefused", limit: "memory", status: 503 });
    const file = await pool.run<ExportTaskResult>(small);
    expect(file.extension).toBe("csv");
  }, 90_000);
});
