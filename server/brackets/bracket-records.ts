/** Reading brackets back from the database as the views the board and the exports show. */
import { BRACKET_FIELDS, type BracketField, type BracketValue, type BracketView } from "../../core/bracket-contract";
import { LEADS, RESPONSIBILITIES, type Lead, type Responsibility } from "../../core/board-doc";
import type { PrismaClient } from "../db/prisma-client";

export interface Actor {
  userId: string;
  name: string;
  delegationCode: string;
  delegationName: string;
  institution: boolean;
}

/** Stored values were validated when proposed; anything unreadable reads as an empty title rather than throw. */
export function parseBracketValue(json: string): BracketValue {
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    if (value.field === "responsibility" && RESPONSIBILITIES.includes(value.responsibility as Responsibility))
      return {
        field: "responsibility",
        responsibility: value.responsibility as Responsibility,
        lead: LEADS.includes(value.lead as Lead) ? (value.lead as Lead) : null,
      };
    if (value.field === "title" && typeof value.title === "string") return { field: "title", title: value.title };
  } catch {
    // falls through
  }
  return { field: "title", title: "" };
}

const asField = (field: string): BracketField =>
  (BRACKET_FIELDS as readonly string[]).includes(field) ? (field as BracketField) : "title";

/** Open brackets with their open alternatives and current sponsors, oldest first. */
export async function readOpenBrackets(prisma: PrismaClient, boardId: string): Promise<BracketView[]> {
  const brackets = await prisma.bracket.findMany({
    where: { boardId, state: "open" },
    orderBy: { id: "asc" },
    select: {
      id: true,
      rowId: true,
      field: true,
      openedAt: true,
      alternatives: {
        where: { state: "open" },
        orderBy: { id: "asc" },
        select: {
          id: true,
          value: true,
          proposedByName: true,
          createdAt: true,
          sponsors: { where: { leftAt: null }, orderBy: { joinedAt: "asc" }, select: { delegationCode: true } },
        },
      },
    },
  });
  const codes = new Set(
    brackets.flatMap((b) => b.alternatives.flatMap((a) => a.sponsors.map((s) => s.delegationCode))),
  );
  const delegations = await prisma.delegation.findMany({
    where: { code: { in: [...codes] } },
    select: { code: true, name: true },
  });
  const names = new Map(delegations.map((delegation) => [delegation.code, delegation.name]));
  return brackets.map((bracket) => ({
    id: bracket.id,
    rowId: bracket.rowId,
    field: asField(bracket.field),
    openedAt: bracket.openedAt.toISOString(),
    alternatives: bracket.alternatives.map((alternative) => ({
      id: alternative.id,
      value: parseBracketValue(alternative.value),
      proposedByName: alternative.proposedByName,
      createdAt: alternative.createdAt.toISOString(),
      sponsors: alternative.sponsors.map(({ delegationCode }) => ({
        delegationCode,
        delegationName: names.get(delegationCode) ?? delegationCode,
      })),
    })),
  }));
}
