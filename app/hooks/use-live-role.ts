/**
 * The role on the board right now: the page loader's role until the server's
 * access message says otherwise (the chair can promote or demote someone
 * while they have the board open). A change also reloads the route's data,
 * so links and forms that depend on the role follow.
 */
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ROLE_CAN } from "../../core/roles";
import type { BoardRole } from "../../core/services";
import type { BoardConnection } from "./use-board-connection";

interface LiveRole {
  role: BoardRole;
  /** May change the document now (false for observers, on archived boards, and after a permanent close). */
  canWrite: boolean;
}

export function useLiveRole(
  connection: Pick<BoardConnection, "access" | "permanentClose">,
  loaderRole: BoardRole,
  archived: boolean,
): LiveRole {
  const { revalidate } = useRevalidator();
  const liveRole = connection.access?.role;
  const known = useRef(loaderRole);

  useEffect(() => {
    if (!liveRole || liveRole === known.current) return;
    known.current = liveRole;
    void revalidate();
  }, [liveRole, revalidate]);

  const role = liveRole ?? loaderRole;
  const canWrite = connection.access ? connection.access.canWrite : ROLE_CAN.edit(loaderRole) && !archived;
  return { role, canWrite: canWrite && connection.permanentClose === null };
}
