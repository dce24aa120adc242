/**
 * The agenda (decision 021): the chair groups the rows to discuss into ordered items and takes them one at a
 * time. Every action is the chair's alone (403 otherwise), validated (422 naming the field), written with its
 * activity entry in one transaction, and announced to the board as an "agenda" event.
 */
import { randomUUID } from "node:crypto";
import * as z from "zod";
import { AGENDA_LIMITS, MEETING_ACTIVITY } from "../../core/meeting-contract";
import { messageRef } from "../../core/message-ref";
import { ROLE_CAN } from "../../core/roles";
import type { ActionResult } from "../../core/services";
import { requireBoardRole } from "../../core/require-board-role";
import { guardedAction } from "../guarded-action";
import { addActivityEntry } from "../db/activity-log";
import { meetingActivity, readActor } from "./meeting-activity";
import type { MeetingDeps } from "./meeting-deps";
import { listAgendaItems } from "./meeting-reader";

const ItemId = z.string().min(1).max(64);

const AddAgendaItemSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, messageRef("meeting.titleRequired"))
    .max(AGENDA_LIMITS.titleChars, messageRef("forms.tooLong", { max: AGENDA_LIMITS.titleChars })),
  rowIds: z
    .array(z.string().min(1).max(64))
    .min(1, messageRef("meeting.rowsRequired"))
    .max(AGENDA_LIMITS.rowsPerItem, messageRef("meeting.tooManyRows", { max: AGENDA_LIMITS.rowsPerItem }))
    .refine((ids) => new Set(ids).size === ids.length, messageRef("meeting.duplicateRows")),
});
const MoveAgendaItemSchema = z.object({ itemId: ItemId, direction: z.enum(["up", "down"]) });
const AgendaItemRefSchema = z.object({ itemId: ItemId });
/** itemId null: no item is current (the chair closed the agenda). */
const SetCurrentItemSchema = z.object({ itemId: ItemId.nullable() });

const CHAIR_ONLY = { may: ROLE_CAN.chairMeeting, to: "run the agenda", change: true } as const;
const NO_SUCH_ITEM: ActionResult = { ok: false, fieldErrors: { itemId: messageRef("meeting.itemMissing") } };

export class AgendaService {
  constructor(private readonly deps: MeetingDeps) {}

  async addItem(actorId: string, boardId: string, raw: unknown): Promise<ActionResult & { id?: string }> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: CHAIR_ONLY },
      AddAgendaItemSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const { title, rowIds } = parsed.data;
    const live = new Set((await this.deps.readLiveRows(boardId)).map((row) => row.id));
    if (rowIds.some((rowId) => !live.has(rowId)))
      return { ok: false, fieldErrors: { rowIds: messageRef("serviceErrors.rowMissing") } };
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const id = randomUUID();
    const refused = await this.deps.prisma.$transaction(async (tx) => {
      const count = await tx.agendaItem.count({ where: { boardId } });
      if (count >= AGENDA_LIMITS.items) return true;
      await tx.agendaItem.create({
        data: { id, boardId, position: count, title, rowIds: JSON.stringify(rowIds), createdAt: at },
        select: { id: true },
      });
      await addActivityEntry(
        tx,
        meetingActivity(boardId, actor, MEETING_ACTIVITY.agendaItemAdded, { itemId: id, title }, at),
      );
      return false;
    });
    if (refused)
      return { ok: false, fieldErrors: { title: messageRef("meeting.tooManyItems", { max: AGENDA_LIMITS.items }) } };
    this.deps.events(boardId, { kind: "agenda" });
    return { ok: true, id };
  }

  /** Swaps the item with its neighbour: keyboard-sized steps, no drag needed. */
  async moveItem(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: CHAIR_ONLY },
      MoveAgendaItemSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const { itemId, direction } = parsed.data;
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const found = await this.deps.prisma.$transaction(async (tx) => {
      const order = (await listAgendaItems(tx, boardId)).map((item) => item.id);
      const from = order.indexOf(itemId);
      if (from < 0) return false;
      const to = direction === "up" ? from - 1 : from + 1;
      if (to < 0 || to >= order.length) return true; // already first/last: nothing to do
      [order[from], order[to]] = [order[to], order[from]];
      await renumber(tx, boardId, order);
      await addActivityEntry(
        tx,
        meetingActivity(boardId, actor, MEETING_ACTIVITY.agendaReordered, { order: order.join(",") }, at),
      );
      return true;
    });
    if (!found) return NO_SUCH_ITEM;
    this.deps.events(boardId, { kind: "agenda" });
    return { ok: true };
  }

  async removeItem(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: CHAIR_ONLY },
      AgendaItemRefSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const { itemId } = parsed.data;
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const found = await this.deps.prisma.$transaction(async (tx) => {
      const item = await tx.agendaItem.findFirst({ where: { id: itemId, boardId }, select: { title: true } });
      if (!item) return false;
      await tx.agendaItem.delete({ where: { id: itemId }, select: { id: true } });
      await tx.boardMeeting.updateMany({ where: { boardId, currentItemId: itemId }, data: { currentItemId: null } });
      const rest = (await listAgendaItems(tx, boardId)).map((entry) => entry.id);
      await renumber(tx, boardId, rest);
      await addActivityEntry(
        tx,
        meetingActivity(boardId, actor, MEETING_ACTIVITY.agendaItemRemoved, { itemId, title: item.title }, at),
      );
      return true;
    });
    if (!found) return NO_SUCH_ITEM;
    this.deps.events(boardId, { kind: "agenda" });
    return { ok: true };
  }

  /**
   * Makes the item current (or none): the item left is closed, the item taken is stamped (first time only), and
   * the speaking list and the floor are cleared — hands raised were about the item left (decision 021).
   */
  async setCurrentItem(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: CHAIR_ONLY },
      SetCurrentItemSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    return this.takeItem(actorId, boardId, () => Promise.resolve(parsed.data.itemId));
  }

  /** The item after the current one (the first when none is current); 422 after the last. */
  async nextItem(actorId: string, boardId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, CHAIR_ONLY);
    return this.takeItem(actorId, boardId, async () => {
      const [items, meeting] = await Promise.all([
        listAgendaItems(this.deps.prisma, boardId),
        this.deps.prisma.boardMeeting.findUnique({ where: { boardId }, select: { currentItemId: true } }),
      ]);
      const at = items.findIndex((item) => item.id === meeting?.currentItemId);
      return items[at + 1]?.id ?? undefined;
    });
  }

  /** `pick` answers the item to take, null for none, undefined when there is no next item. */
  private async takeItem(
    actorId: string,
    boardId: string,
    pick: () => Promise<string | null | undefined>,
  ): Promise<ActionResult> {
    const itemId = await pick();
    if (itemId === undefined) return { ok: false, fieldErrors: { itemId: messageRef("meeting.noNextItem") } };
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const outcome = await this.deps.prisma.$transaction(async (tx) => {
      const taken = itemId
        ? await tx.agendaItem.findFirst({ where: { id: itemId, boardId }, select: { title: true, position: true } })
        : null;
      if (itemId && !taken) return "missing" as const;
      const meeting = await tx.boardMeeting.findUnique({ where: { boardId }, select: { currentItemId: true } });
      const previous = meeting?.currentItemId ?? null;
      if (previous === itemId) return "unchanged" as const;
      if (previous) {
        const left = await tx.agendaItem.findFirst({ where: { id: previous, boardId }, select: { title: true } });
        if (left) {
          await tx.agendaItem.update({ where: { id: previous }, data: { closedAt: at }, select: { id: true } });
          await addActivityEntry(
            tx,
            meetingActivity(
              boardId,
              actor,
              MEETING_ACTIVITY.agendaItemClosed,
              { itemId: previous, title: left.title },
              at,
            ),
          );
        }
      }
      const cleared = { speakerDelegationCode: null, speakerDelegationName: null, speakingSince: null };
      await tx.boardMeeting.upsert({
        where: { boardId },
        create: { boardId, currentItemId: itemId },
        update: { currentItemId: itemId, ...cleared, speakingSeconds: null },
        select: { boardId: true },
      });
      await tx.floorRequest.deleteMany({ where: { boardId } });
      if (itemId && taken) {
        const stamped = await tx.agendaItem.findFirst({ where: { id: itemId }, select: { startedAt: true } });
        await tx.agendaItem.update({
          where: { id: itemId },
          data: { startedAt: stamped?.startedAt ?? at, closedAt: null },
          select: { id: true },
        });
        await addActivityEntry(
          tx,
          meetingActivity(
            boardId,
            actor,
            MEETING_ACTIVITY.agendaItemTaken,
            { itemId, title: taken.title, position: taken.position + 1 },
            at,
          ),
        );
      }
      return "changed" as const;
    });
    if (outcome === "missing") return NO_SUCH_ITEM;
    if (outcome === "changed") {
      this.deps.events(boardId, { kind: "agenda" });
      this.deps.events(boardId, { kind: "floor" });
    }
    return { ok: true };
  }
}

type Tx = Parameters<Parameters<MeetingDeps["prisma"]["$transaction"]>[0]>[0];

/** Positions 0..n-1 in the given order. */
async function renumber(tx: Tx, boardId: string, order: readonly string[]): Promise<void> {
  for (const [position, id] of order.entries())
    await tx.agendaItem.updateMany({ where: { id, boardId }, data: { position } });
}
