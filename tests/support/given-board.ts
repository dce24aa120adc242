/**
 * givenBoard(): the usual integration-test set-up in one call — a board created
 * by its chair through the real services, with members in the roles asked for.
 */
import type { BoardForum, BoardRole } from "../../core/domain";
import type { BoardTemplate } from "../../core/services";
import type { RemitServer } from "../../server/remit-server";
import { addMember, createAccount, type TestAccount } from "./accounts";

/** [display name, delegation code] */
export type Person = readonly [name: string, delegation: string];

export interface BoardSpec<Names extends string> {
  title?: string;
  template?: BoardTemplate;
  /** Default: the server's default (joint). */
  forum?: BoardForum;
  chair: Person;
  /** Members by the key they are returned under. */
  members?: Record<Names, readonly [name: string, delegation: string, role: BoardRole]>;
  /** Accounts that exist but are not members. */
  strangers?: Record<string, Person>;
}

export interface GivenBoard<Names extends string> {
  boardId: string;
  chair: TestAccount;
  members: Record<Names, TestAccount>;
  strangers: Record<string, TestAccount>;
}

export async function givenBoard<Names extends string = never>(
  server: RemitServer,
  spec: BoardSpec<Names>,
): Promise<GivenBoard<Names>> {
  const chair = await createAccount(server, ...spec.chair);
  const boardId = (
    await server.access.createBoard(chair.user.id, {
      title: spec.title ?? "Test board",
      template: spec.template ?? "empty",
      ...(spec.forum ? { forum: spec.forum } : {}),
    })
  ).id;
  const members = {} as Record<Names, TestAccount>;
  for (const [key, [name, delegation, role]] of Object.entries(spec.members ?? {}) as [
    Names,
    readonly [string, string, BoardRole],
  ][]) {
    members[key] = await createAccount(server, name, delegation);
    await addMember(server, chair, boardId, members[key], role);
  }
  const strangers: Record<string, TestAccount> = {};
  for (const [key, person] of Object.entries(spec.strangers ?? {}))
    strangers[key] = await createAccount(server, ...person);
  return { boardId, chair, members, strangers };
}
