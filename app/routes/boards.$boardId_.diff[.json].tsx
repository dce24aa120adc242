/**
 * GET /boards/:id/diff.json?from=1&to=live — the change list of the diff page
 * as JSON (diffSnapshots' stable order), for scripts and tests.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sourceParam } from "~/lib/version-forms";
import { requireDiff } from "~/lib/versions.server";

export async function loader(args: LoaderFunctionArgs) {
  const { board, diff } = await requireDiff(args);
  return Response.json(
    { boardId: board.id, from: sourceParam(diff.from), to: sourceParam(diff.to), changes: diff.changes },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
