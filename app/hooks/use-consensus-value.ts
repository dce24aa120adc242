/** The consensus context of a board page: loaded data (live), what my role lets me do, and how to open a row's panel. */
import { useMemo } from "react";
import type { ConsensusContextValue, RowPanelSection } from "~/components/consensus/consensus-context";
import { delegationNamer } from "~/lib/consensus-labels";
import { formatLocalDateTime } from "~/lib/local-time";
import { ROLE_CAN } from "../../core/roles";
import type { BoardRole } from "../../core/services";
import type { BoardConnection } from "./use-board-connection";
import { consensusUrl, useConsensusData } from "./use-consensus-data";

interface Options {
  boardId: string;
  connection: Pick<BoardConnection, "subscribeBoardEvents" | "synced">;
  /** Ids of the people on the board now. */
  peopleIds: readonly string[];
  role: BoardRole;
  archived: boolean;
  openRow: (rowId: string, section: RowPanelSection) => void;
}

const formatTime = (iso: string) => formatLocalDateTime(iso);

export function useConsensusValue({
  boardId,
  connection,
  peopleIds,
  role,
  archived,
  openRow,
}: Options): ConsensusContextValue {
  const { data } = useConsensusData({
    boardId,
    subscribe: connection.subscribeBoardEvents,
    synced: connection.synced,
    peopleIds,
  });
  return useMemo<ConsensusContextValue>(
    () => ({
      boardId,
      actionUrl: consensusUrl(boardId),
      data,
      role,
      canComment: ROLE_CAN.comment(role) && !archived,
      canRecord: ROLE_CAN.edit(role) && !archived,
      isChair: ROLE_CAN.manageBoard(role) && !archived,
      nameOf: data
        ? delegationNamer(
            data.consensus,
            data.members.map((m) => m.delegation),
          )
        : (code) => code,
      formatTime,
      openRow,
    }),
    [boardId, data, role, archived, openRow],
  );
}
