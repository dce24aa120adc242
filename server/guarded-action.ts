/**
 * The preamble of a service action that takes input (decision 025): the one board-role guard, then the input read
 * by its zod schema, invalid input answered as field errors (message refs). Guard first, so a refused actor gets
 * its 404/403 (AccessDenied) whatever it sent. Usage:
 *   const parsed = await guardedAction({ access, actorId, boardId, rule }, Schema, raw);
 *   if (!parsed.ok) return parsed;
 */
import type { z } from "zod";
import { requireBoardRole, type RoleRule } from "../core/require-board-role";
import type { MessageRef } from "../core/message-ref";
import type { BoardAccessServices, BoardRole, BoardSummary } from "../core/services";
import { fieldErrorsOf } from "./auth/account-schemas";

interface Guard {
  access: Pick<BoardAccessServices, "getAccess">;
  actorId: string;
  boardId: string;
  rule: RoleRule;
}

type Guarded<Input> =
  | { ok: true; data: Input; board: BoardSummary; role: BoardRole }
  | { ok: false; fieldErrors: Record<string, MessageRef> };

export async function guardedAction<Schema extends z.ZodType>(
  guard: Guard,
  schema: Schema,
  raw: unknown,
): Promise<Guarded<z.output<Schema>>> {
  const granted = await requireBoardRole(guard.access, guard.actorId, guard.boardId, guard.rule);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, data: parsed.data, ...granted };
}
