/**
 * Bracketed alternatives (decision 020). A delegation proposes an alternative responsibility (with lead) or
 * title for a row; others join or leave its sponsorship; the chair resolves the bracket by choosing one side,
 * which the server writes into the live document. Sponsors are always stamped from the actor's account.
 */
import * as Y from "yjs";
import { AccessDenied } from "../../core/access-errors";
import { setResponsibility, replaceText, type ThreatRow } from "../../core/board-doc";
import {
  MAX_ALTERNATIVES_PER_BRACKET,
  ProposeAlternativeSchema,
  ResolveBracketSchema,
  SponsorshipSchema,
  currentBracketValue,
  sameBracketValue,
  type BoardBracketsJson,
  type BracketField,
  type BracketValue,
} from "../../core/bracket-contract";
import { bracketResolvedDetail, bracketSideDetail, type ActivityDetail } from "../../core/bracket-activity";
import { messageRef } from "../../core/message-ref";
import { ROLE_CAN } from "../../core/roles";
import type { ActionResult, BoardAccessServices } from "../../core/services";
import { requireBoardRole } from "../../core/require-board-role";
import { guardedAction } from "../guarded-action";
import type { BoardEventSink } from "../consensus/board-events";
import type { Clock } from "../consensus/clock";
import type { ReadLiveRow } from "../consensus/row-content";
import type { PrismaClient } from "../db/prisma-client";
import { addActivityEntry, titleExcerpt } from "../db/activity-log";
import { parseBracketValue, readOpenBrackets, type Actor } from "./bracket-records";

interface BracketDeps {
  prisma: PrismaClient;
  access: BoardAccessServices;
  readLiveRow: ReadLiveRow;
  events: BoardEventSink;
  clock: Clock;
  /** The consensus service's view of a row's workflow, and sending a proposed row back to draft. */
  workflow: {
    workflowState(boardId: string, rowId: string): "draft" | "proposed" | "agreed";
    returnToDraft(boardId: string, rowId: string, reason: string): Promise<boolean>;
  };
  /** Applies a change to the board's live document and makes it durable (RoomRegistry.writeChange). */
  writeChange(boardId: string, change: (doc: Y.Doc) => void, authorId: string | null): Promise<void>;
}

const refuse = (field: string, key: string, params?: Record<string, string | number>): ActionResult => ({
  ok: false,
  fieldErrors: { [field]: messageRef(key, params) },
});

/**
 * Who may sponsor an alternative: a chair or delegate (observers are refused with 403); their delegation must also
 * take positions — institutions record no national position (decision 003) and are refused by `sponsor`.
 */
const sponsorGuard = (access: BoardAccessServices, actorId: string, boardId: string, to: string) => ({
  access,
  actorId,
  boardId,
  rule: { may: ROLE_CAN.edit, to, change: true },
});

/** Built through this factory from one deps object, like every service (decision 025). */
export function createBracketService(deps: BracketDeps): BracketService {
  return new BracketService(deps);
}

export class BracketService {
  constructor(private readonly deps: BracketDeps) {}

  /** Open brackets of the board, for every member (observers read them too). */
  async list(actorId: string, boardId: string): Promise<BoardBracketsJson> {
    await requireBoardRole(this.deps.access, actorId, boardId);
    return { brackets: await readOpenBrackets(this.deps.prisma, boardId) };
  }

  /** Whether the row has an open bracket (the consensus service asks before proposing or agreeing). */
  async hasOpenBrackets(boardId: string, rowId: string): Promise<boolean> {
    return (await this.deps.prisma.bracket.count({ where: { boardId, rowId, state: "open" } })) > 0;
  }

  async proposeAlternative(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      sponsorGuard(this.deps.access, actorId, boardId, "propose alternatives"),
      ProposeAlternativeSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const actor = await this.sponsor(actorId);
    const input = parsed.data;
    let value: BracketValue;
    if (input.field === "title") value = { field: "title", title: input.title };
    else {
      const shared = input.responsibility === "Shared";
      if (shared && !input.lead) return refuse("lead", "brackets.leadRequired");
      if (!shared && input.lead) return refuse("lead", "brackets.leadOnlyShared");
      value = { field: "responsibility", responsibility: input.responsibility, lead: input.lead ?? null };
    }
    const row = await this.deps.readLiveRow(boardId, input.rowId);
    if (!row) return refuse("rowId", "serviceErrors.rowMissing");
    if (this.deps.workflow.workflowState(boardId, input.rowId) === "agreed")
      return refuse("rowId", "serviceErrors.rowLocked");
    if (sameBracketValue(value, currentBracketValue(row, input.field)))
      return refuse(input.field, "brackets.sameAsCurrent");
    const { prisma } = this.deps;
    const open = await prisma.bracket.findFirst({
      where: { boardId, rowId: input.rowId, field: input.field, state: "open" },
      select: { id: true, alternatives: { where: { state: "open" }, select: { id: true, value: true } } },
    });
    const alternatives = open?.alternatives ?? [];
    if (alternatives.some((alternative) => sameBracketValue(value, parseBracketValue(alternative.value))))
      return refuse(input.field, "brackets.alreadyProposed");
    if (alternatives.length >= MAX_ALTERNATIVES_PER_BRACKET)
      return refuse(input.field, "brackets.tooManyAlternatives", { max: MAX_ALTERNATIVES_PER_BRACKET });
    const now = new Date(this.deps.clock.now());
    await prisma.$transaction(async (tx) => {
      const bracketId =
        open?.id ??
        (
          await tx.bracket.create({
            data: { boardId, rowId: input.rowId, field: input.field, state: "open", openedAt: now },
            select: { id: true },
          })
        ).id;
      await tx.bracketAlternative.create({
        data: {
          bracketId,
          value: JSON.stringify(value),
          state: "open",
          proposedById: actor.userId,
          proposedByName: actor.name,
          createdAt: now,
          sponsors: {
            create: { delegationCode: actor.delegationCode, userId: actor.userId, userName: actor.name, joinedAt: now },
          },
        },
        select: { id: true },
      });
      await addActivityEntry(
        tx,
        this.activityData(boardId, actor, "bracket-proposed", row, bracketSideDetail(input.field, value)),
      );
    });
    // The text on the table is in dispute again: a proposal made on it no longer stands.
    await this.deps.workflow.returnToDraft(boardId, input.rowId, "bracketed");
    this.deps.events(boardId, { kind: "brackets", rowId: input.rowId });
    return { ok: true };
  }

  /** Joins (`join` true) or leaves the sponsorship of an alternative for the actor's own delegation. */
  async setSponsorship(actorId: string, boardId: string, raw: unknown, join: boolean): Promise<ActionResult> {
    const to = join ? "join sponsorships" : "leave sponsorships";
    const parsed = await guardedAction(sponsorGuard(this.deps.access, actorId, boardId, to), SponsorshipSchema, raw);
    if (!parsed.ok) return parsed;
    const actor = await this.sponsor(actorId);
    const { prisma } = this.deps;
    const alternative = await prisma.bracketAlternative.findFirst({
      where: { id: parsed.data.alternativeId, state: "open", bracket: { boardId, state: "open" } },
      select: { id: true, value: true, bracket: { select: { id: true, rowId: true, field: true } } },
    });
    if (!alternative) return refuse("alternativeId", "brackets.alternativeMissing");
    const key = {
      alternativeId_delegationCode: { alternativeId: alternative.id, delegationCode: actor.delegationCode },
    };
    const existing = await prisma.bracketSponsor.findUnique({ where: key, select: { leftAt: true } });
    const sponsoring = existing !== null && existing.leftAt === null;
    if (sponsoring === join) return { ok: true }; // already as asked: nothing to record
    const now = new Date(this.deps.clock.now());
    const row = await this.deps.readLiveRow(boardId, alternative.bracket.rowId);
    await prisma.$transaction(async (tx) => {
      if (join)
        await tx.bracketSponsor.upsert({
          where: key,
          create: {
            alternativeId: alternative.id,
            delegationCode: actor.delegationCode,
            userId: actor.userId,
            userName: actor.name,
            joinedAt: now,
          },
          update: { userId: actor.userId, userName: actor.name, joinedAt: now, leftAt: null },
          select: { alternativeId: true },
        });
      else {
        await tx.bracketSponsor.update({ where: key, data: { leftAt: now }, select: { alternativeId: true } });
        // Nobody sponsors it any more: the alternative is withdrawn, and a bracket left without any closes.
        const remaining = await tx.bracketSponsor.count({ where: { alternativeId: alternative.id, leftAt: null } });
        if (remaining === 0) {
          await tx.bracketAlternative.update({
            where: { id: alternative.id },
            data: { state: "withdrawn" },
            select: { id: true },
          });
          const others = await tx.bracketAlternative.count({
            where: { bracketId: alternative.bracket.id, state: "open" },
          });
          if (others === 0)
            await tx.bracket.update({
              where: { id: alternative.bracket.id },
              data: { state: "withdrawn", resolvedAt: now },
              select: { id: true },
            });
        }
      }
      await addActivityEntry(
        tx,
        this.activityData(
          boardId,
          actor,
          join ? "bracket-joined" : "bracket-left",
          row,
          bracketSideDetail(alternative.bracket.field as BracketField, parseBracketValue(alternative.value)),
        ),
      );
    });
    this.deps.events(boardId, { kind: "brackets", rowId: alternative.bracket.rowId });
    return { ok: true };
  }

  /**
   * The chair chooses one side. A chosen alternative is written into the live document (everyone connected
   * sees it at once); the other alternatives are recorded as withdrawn with their sponsors.
   */
  async resolve(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      {
        access: this.deps.access,
        actorId,
        boardId,
        rule: { may: ROLE_CAN.manageBoard, to: "resolve brackets", change: true },
      },
      ResolveBracketSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const { bracketId, choice } = parsed.data;
    const { prisma } = this.deps;
    const bracket = await prisma.bracket.findFirst({
      where: { id: bracketId, boardId, state: "open" },
      select: {
        id: true,
        rowId: true,
        field: true,
        alternatives: {
          where: { state: "open" },
          orderBy: { id: "asc" },
          select: { id: true, value: true, sponsors: { where: { leftAt: null }, select: { delegationCode: true } } },
        },
      },
    });
    if (!bracket) return refuse("bracketId", "brackets.bracketMissing");
    const chosen = choice === "current" ? null : bracket.alternatives.find((alternative) => alternative.id === choice);
    if (chosen === undefined) return refuse("choice", "brackets.alternativeMissing");
    const row = await this.deps.readLiveRow(boardId, bracket.rowId);
    if (!row) return refuse("bracketId", "serviceErrors.rowMissing");
    // Claimed first, so two resolutions of one bracket (two tabs, two instances) apply only one choice.
    const now = new Date(this.deps.clock.now());
    const claimed = await prisma.bracket.updateMany({
      where: { id: bracket.id, state: "open" },
      data: { state: "resolved", resolvedAt: now, resolvedById: actorId, chosenAlternativeId: chosen?.id ?? null },
    });
    if (claimed.count === 0) return refuse("bracketId", "brackets.bracketMissing");
    const actor = await this.actor(actorId);
    await prisma.bracket.update({
      where: { id: bracket.id },
      data: { resolvedByName: actor.name },
      select: { id: true },
    });
    const chosenValue = chosen
      ? parseBracketValue(chosen.value)
      : currentBracketValue(row, bracket.field as BracketField);
    if (chosen) await this.deps.writeChange(boardId, (doc) => applyValue(doc, bracket.rowId, chosenValue), actorId);
    const withdrawn = bracket.alternatives.filter((alternative) => alternative !== chosen);
    await prisma.$transaction([
      ...(chosen
        ? [
            prisma.bracketAlternative.update({
              where: { id: chosen.id },
              data: { state: "chosen" },
              select: { id: true },
            }),
          ]
        : []),
      prisma.bracketAlternative.updateMany({
        where: { id: { in: withdrawn.map((alternative) => alternative.id) } },
        data: { state: "withdrawn" },
      }),
      addActivityEntry(
        prisma,
        this.activityData(
          boardId,
          actor,
          "bracket-resolved",
          row,
          // Each withdrawn alternative with the delegations that sponsored it.
          bracketResolvedDetail(
            bracket.field as BracketField,
            chosenValue,
            chosen ? chosen.sponsors.map((sponsor) => sponsor.delegationCode) : null,
            withdrawn.map((alternative) => ({
              value: parseBracketValue(alternative.value),
              sponsors: alternative.sponsors.map((sponsor) => sponsor.delegationCode),
            })),
          ),
        ),
      ),
    ]);
    this.deps.events(boardId, { kind: "brackets", rowId: bracket.rowId });
    // The row's text changed: positions given on the earlier text no longer count, clients re-read them.
    if (chosen) this.deps.events(boardId, { kind: "positions", rowId: bracket.rowId });
    return { ok: true };
  }

  /** The actor (a chair or delegate, see `sponsorGuard`) as a sponsoring delegation: institutions are refused. */
  private async sponsor(actorId: string): Promise<Actor> {
    const actor = await this.actor(actorId);
    if (actor.institution) throw new AccessDenied(403, messageRef("serviceErrors.institutionNoSponsor"));
    return actor;
  }

  private async actor(userId: string): Promise<Actor> {
    const user = await this.deps.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { displayName: true, delegation: { select: { code: true, name: true, institution: true } } },
    });
    return {
      userId,
      name: user.displayName,
      delegationCode: user.delegation.code,
      delegationName: user.delegation.name,
      institution: user.delegation.institution,
    };
  }

  private activityData(boardId: string, actor: Actor, kind: string, row: ThreatRow | null, detail: ActivityDetail) {
    return {
      boardId,
      actorId: actor.userId,
      actorName: actor.name,
      delegationCode: actor.delegationCode,
      delegationName: actor.delegationName,
      kind,
      rowId: row?.id ?? null,
      rowTitle: titleExcerpt(row?.title ?? null),
      detail: JSON.stringify(detail),
    };
  }
}

function applyValue(doc: Y.Doc, rowId: string, value: BracketValue): void {
  if (value.field === "title") replaceText(doc, rowId, "title", value.title);
  else setResponsibility(doc, rowId, value.responsibility, value.lead ?? undefined);
}
