/**
 * The tour de table (decision 021). A hand is raised for the actor's own delegation, stamped by the server
 * (delegation, member, time) — the request names nobody; observers have no voice. The chair gives the floor
 * from the list (the speaker leaves it), ends an intervention, clears the list and sets the intervention timer.
 * Every change is a "floor" board event and an activity entry.
 */
import * as z from "zod";
import { INTERVENTION_SECONDS, MEETING_ACTIVITY } from "../../core/meeting-contract";
import { messageRef } from "../../core/message-ref";
import { ROLE_CAN } from "../../core/roles";
import type { ActionResult } from "../../core/services";
import { requireBoardRole } from "../../core/require-board-role";
import { guardedAction } from "../guarded-action";
import { addActivityEntry } from "../db/activity-log";
import { meetingActivity, readActor, type MeetingActor } from "./meeting-activity";
import type { MeetingDeps } from "./meeting-deps";

const GiveFloorSchema = z.object({ delegationCode: z.string().min(1).max(16) });
const SetTimerSchema = z.object({
  seconds: z
    .number()
    .int()
    .refine((seconds) => (INTERVENTION_SECONDS as readonly number[]).includes(seconds), messageRef("meeting.badTimer"))
    .nullable(),
});

const CHAIR_ONLY = { may: ROLE_CAN.chairMeeting, to: "run the tour de table", change: true } as const;
const SPEAKERS = { may: ROLE_CAN.askForFloor, to: "ask for the floor", change: true } as const;

export class FloorService {
  constructor(private readonly deps: MeetingDeps) {}

  /** Idempotent: a hand already up keeps its place in the list. */
  async raiseHand(actorId: string, boardId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, SPEAKERS);
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const raised = await this.deps.prisma.$transaction(async (tx) => {
      const where = { boardId_delegationCode: { boardId, delegationCode: actor.delegationCode } };
      if (await tx.floorRequest.findUnique({ where, select: { id: true } })) return false;
      await tx.floorRequest.create({
        data: {
          boardId,
          delegationCode: actor.delegationCode,
          delegationName: actor.delegationName,
          raisedById: actor.id,
          raisedByName: actor.displayName,
          raisedAt: at,
        },
        select: { id: true },
      });
      await addActivityEntry(tx, this.entry(boardId, actor, MEETING_ACTIVITY.handRaised, {}, at));
      return true;
    });
    if (raised) this.deps.events(boardId, { kind: "floor" });
    return { ok: true };
  }

  /** Lowers the actor's own delegation's hand (any member of it who may speak); idempotent. */
  async lowerHand(actorId: string, boardId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, SPEAKERS);
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const lowered = await this.deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.floorRequest.deleteMany({ where: { boardId, delegationCode: actor.delegationCode } });
      if (count > 0) await addActivityEntry(tx, this.entry(boardId, actor, MEETING_ACTIVITY.handLowered, {}, at));
      return count > 0;
    });
    if (lowered) this.deps.events(boardId, { kind: "floor" });
    return { ok: true };
  }

  /** Gives the floor to a delegation on the speaking list; it leaves the list, its time starts now. */
  async giveFloor(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: CHAIR_ONLY },
      GiveFloorSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    const given = await this.deps.prisma.$transaction(async (tx) => {
      const hand = await tx.floorRequest.findUnique({
        where: { boardId_delegationCode: { boardId, delegationCode: parsed.data.delegationCode } },
        select: { id: true, delegationCode: true, delegationName: true },
      });
      if (!hand) return false;
      await tx.floorRequest.delete({ where: { id: hand.id }, select: { id: true } });
      const meeting = await tx.boardMeeting.findUnique({ where: { boardId }, select: { timerSeconds: true } });
      const speaker = {
        speakerDelegationCode: hand.delegationCode,
        speakerDelegationName: hand.delegationName,
        speakingSince: at,
        speakingSeconds: meeting?.timerSeconds ?? null,
      };
      await tx.boardMeeting.upsert({
        where: { boardId },
        create: { boardId, ...speaker },
        update: speaker,
        select: { boardId: true },
      });
      await addActivityEntry(
        tx,
        this.entry(
          boardId,
          actor,
          MEETING_ACTIVITY.floorGiven,
          {
            delegation: hand.delegationCode,
            delegationName: hand.delegationName,
            seconds: speaker.speakingSeconds,
          },
          at,
        ),
      );
      return true;
    });
    if (!given) return { ok: false, fieldErrors: { delegationCode: messageRef("meeting.notOnList") } };
    this.deps.events(boardId, { kind: "floor" });
    return { ok: true };
  }

  /** The current intervention ends: nobody has the floor. */
  async endIntervention(actorId: string, boardId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, CHAIR_ONLY);
    const { count } = await this.deps.prisma.boardMeeting.updateMany({
      where: { boardId, speakerDelegationCode: { not: null } },
      data: { speakerDelegationCode: null, speakerDelegationName: null, speakingSince: null, speakingSeconds: null },
    });
    if (count > 0) this.deps.events(boardId, { kind: "floor" });
    return { ok: true };
  }

  async clearList(actorId: string, boardId: string): Promise<ActionResult> {
    await requireBoardRole(this.deps.access, actorId, boardId, CHAIR_ONLY);
    const actor = await readActor(this.deps.prisma, actorId);
    const at = new Date(this.deps.now());
    await this.deps.prisma.$transaction([
      this.deps.prisma.floorRequest.deleteMany({ where: { boardId } }),
      addActivityEntry(this.deps.prisma, this.entry(boardId, actor, MEETING_ACTIVITY.speakingListCleared, {}, at)),
    ]);
    this.deps.events(boardId, { kind: "floor" });
    return { ok: true };
  }

  /** The intervention time of the next speakers (the current speaker keeps the time they were given). */
  async setTimer(actorId: string, boardId: string, raw: unknown): Promise<ActionResult> {
    const parsed = await guardedAction(
      { access: this.deps.access, actorId, boardId, rule: CHAIR_ONLY },
      SetTimerSchema,
      raw,
    );
    if (!parsed.ok) return parsed;
    const timerSeconds = parsed.data.seconds;
    await this.deps.prisma.boardMeeting.upsert({
      where: { boardId },
      create: { boardId, timerSeconds },
      update: { timerSeconds },
      select: { boardId: true },
    });
    this.deps.events(boardId, { kind: "floor" });
    return { ok: true };
  }

  private entry(
    boardId: string,
    actor: MeetingActor,
    kind: string,
    detail: Record<string, string | number | null>,
    at: Date,
  ) {
    return meetingActivity(boardId, actor, kind, { delegation: actor.delegationCode, ...detail }, at);
  }
}
