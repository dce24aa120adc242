/** The meeting services (core/services.ts MeetingServices): the agenda and the tour de table behind one face. */
import type { MeetingServices } from "../../core/services";
import { requireBoardRole } from "../../core/require-board-role";
import { AgendaService } from "./agenda-service";
import { FloorService } from "./floor-service";
import type { MeetingDeps } from "./meeting-deps";
import { readMeeting } from "./meeting-reader";

export function createMeetingServices(deps: MeetingDeps): MeetingServices {
  const agenda = new AgendaService(deps);
  const floor = new FloorService(deps);
  return {
    async getMeeting(actorId, boardId) {
      await requireBoardRole(deps.access, actorId, boardId);
      return readMeeting(deps.prisma, boardId, deps.now());
    },
    addItem: (actorId, boardId, input) => agenda.addItem(actorId, boardId, input),
    moveItem: (actorId, boardId, input) => agenda.moveItem(actorId, boardId, input),
    removeItem: (actorId, boardId, input) => agenda.removeItem(actorId, boardId, input),
    setCurrentItem: (actorId, boardId, input) => agenda.setCurrentItem(actorId, boardId, input),
    nextItem: (actorId, boardId) => agenda.nextItem(actorId, boardId),
    raiseHand: (actorId, boardId) => floor.raiseHand(actorId, boardId),
    lowerHand: (actorId, boardId) => floor.lowerHand(actorId, boardId),
    giveFloor: (actorId, boardId, input) => floor.giveFloor(actorId, boardId, input),
    endIntervention: (actorId, boardId) => floor.endIntervention(actorId, boardId),
    clearList: (actorId, boardId) => floor.clearList(actorId, boardId),
    setTimer: (actorId, boardId, input) => floor.setTimer(actorId, boardId, input),
  };
}
