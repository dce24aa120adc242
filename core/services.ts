/**
 * The service contracts: what the custom server (server/index.ts) hands every
 * loader and action, and what the server's services implement.
 * Routes reach storage only through these services, so the browser bundle
 * never pulls in Prisma, and the server keeps one way to do each thing.
 */
import type { BoardBracketsJson } from "./bracket-contract";
import type { BoardConsensusJson, CommentsOverview, PositionRecord } from "./consensus-contract";
import type { ImportContext, ImportResult } from "./import-contract";
import type { MatrixSnapshot } from "./matrix-snapshot";
import type { ExportedFile, ExportFormat, VersionServices } from "./version-contract";
import type {
  BoardForum,
  BoardRole,
  BoardSummary,
  BoardTemplate,
  DelegationInfo,
  InstrumentInfo,
  NewInstrumentInput,
} from "./domain";
import type { Locale } from "./locale";
import type { MeetingRecordServices } from "./record-contract";
import type { MeetingJson } from "./meeting-contract";
import type { BoardMarkingServices } from "./marking-contract";
import type { MessageRef } from "./message-ref";

// The domain vocabulary is declared in core/domain.ts; re-exported so a route imports its contract from one place.
export { BOARD_ROLES, INSTRUMENT_OWNERS } from "./domain";
export type {
  BoardForum,
  BoardRole,
  BoardSummary,
  BoardTemplate,
  DelegationInfo,
  InstrumentInfo,
  InstrumentOwner,
  NewInstrumentInput,
} from "./domain";

/**
 * Board-level operations that take no actor: routes call them only after
 * checking the user's role on the board (requireBoardAccess + ROLE_CAN).
 * Listing, reading and creating boards go through BoardAccessServices, which
 * are scoped to a user.
 */
export interface RemitServices {
  renameBoard(boardId: string, title: string): Promise<void>;
  setBoardArchived(boardId: string, archived: boolean): Promise<void>;
  /** Library instruments carry their official title in `locale` where one exists (catalogue `nameFr`). */
  listInstruments(boardId: string, locale?: Locale): Promise<InstrumentInfo[]>;
  createCustomInstrument(boardId: string, input: NewInstrumentInput): Promise<InstrumentInfo>;
}

/**
 * Reading imported files and writing exports: heavy work the server keeps off
 * the event loop. Routes reach it only through the load context.
 */
export interface MatrixFileServices {
  /** `date` names the file: a version's publication date, a draft's export time. */
  exportMatrix(format: ExportFormat, snapshot: MatrixSnapshot, date: Date, locale?: Locale): Promise<ExportedFile>;
  readImportFile(data: Uint8Array, context: ImportContext): Promise<ImportResult>;
}

/** The live board document as the collaboration server holds it, so the board page is rendered with its rows. */
export interface BoardDocumentServices {
  /** The board's current Yjs state (the loaded room's, else storage's). Callers check access first. */
  readState(boardId: string): Promise<Uint8Array>;
}

export interface RemitLoadContext {
  services: RemitServices;
  auth: AuthServices;
  access: BoardAccessServices;
  /** Client address as the server sees it (for login rate limits). */
  clientIp: string;
  /** Set the Secure flag on cookies (the app is served over https). */
  secureCookies: boolean;
  /** Nonce for inline and external scripts in this response's CSP. */
  cspNonce: string;
  consensus: ConsensusServices;
  comments: CommentServices;
  brackets: BracketServices;
  versions: VersionServices;
  files: MatrixFileServices;
  documents: BoardDocumentServices;
  /** Records of meetings (decision 022). */
  record: MeetingRecordServices;
  meeting: MeetingServices;
  /** The board's marking and releasability (the chair sets them). */
  markings: BoardMarkingServices;
}

// ---- Accounts, membership and roles -------------------------------------

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  /** The account's language setting (core/locale.ts), null until chosen. */
  locale: string | null;
  delegation: DelegationInfo;
}

/** Field name → message ref (core/message-ref.ts): services never write a sentence in one language. */
export type FieldErrors = Partial<Record<string, MessageRef>>;

type SignInResult =
  | { ok: true; sessionToken: string; user: CurrentUser }
  | { ok: false; reason: "invalid-credentials" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * `accepted` is the same answer whether the email was new (account created) or already taken (nothing done),
 * so sign-up cannot be used to learn who has an account; no session is started either way (decision 016).
 * Field errors depend on the input alone; their values may be i18n message keys (e.g. "account.passwordTooCommon").
 */
type SignUpResult =
  | { ok: true; accepted: true }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export interface AuthServices {
  listDelegations(): Promise<DelegationInfo[]>;
  /** Input is validated again here (zod); field errors come back keyed by field name. */
  signUp(
    input: {
      email: string;
      password: string;
      displayName: string;
      delegationCode: string;
    },
    clientIp: string,
  ): Promise<SignUpResult>;
  /** Counts failures only: per (account, client), per account (short back-off) and per client. */
  signIn(input: { email: string; password: string }, clientIp: string): Promise<SignInResult>;
  /** The user of a session token, or null when unknown or expired. */
  getSessionUser(sessionToken: string): Promise<CurrentUser | null>;
  signOut(sessionToken: string): Promise<void>;
  /** Stores the account's language (validated: one of core/locale.ts LOCALES). */
  setLocale(userId: string, locale: Locale): Promise<void>;
  /** Revokes every session of the user and closes their open sockets. */
  signOutEverywhere(userId: string): Promise<void>;
}

export interface BoardMemberInfo {
  userId: string;
  displayName: string;
  email: string;
  delegation: DelegationInfo;
  role: BoardRole;
}

export interface InviteInfo {
  id: string;
  role: BoardRole;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  createdAt: string;
}

/** `removed`: the user was removed from the board after this link was made (a newer link or being added works). */
export type InviteProblem = "invalid" | "expired" | "revoked" | "used-up" | "removed" | "not-releasable";

export interface ActivityItem {
  id: number;
  at: string;
  actorName: string;
  delegationCode: string | null;
  delegationName: string | null;
  kind: string;
  rowTitle: string | null;
  /** Kind-specific details: from, to, field, instrument. */
  detail: Record<string, string | null>;
}

/**
 * Board access for one signed-in user. Every method checks the actor's role
 * itself (the routes check too, to answer 404 before doing anything):
 * AccessDenied is thrown as a Response-free error the route maps to 404/403.
 */
export interface BoardAccessServices {
  listMyBoards(userId: string, options: { includeArchived: boolean }): Promise<(BoardSummary & { role: BoardRole })[]>;
  /** The board and the user's role, or null when the board does not exist or the user is not a member (no existence leak). */
  getAccess(boardId: string, userId: string): Promise<{ board: BoardSummary; role: BoardRole } | null>;
  /** `locale`: the language of the starter template's threat titles. */
  createBoard(
    userId: string,
    input: { title: string; template: BoardTemplate; locale?: Locale; forum?: BoardForum },
  ): Promise<BoardSummary>;
  listMembers(actorId: string, boardId: string): Promise<BoardMemberInfo[]>;
  addMemberByEmail(
    actorId: string,
    boardId: string,
    email: string,
    role: BoardRole,
  ): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }>;
  changeRole(actorId: string, boardId: string, userId: string, role: BoardRole): Promise<void>;
  removeMember(actorId: string, boardId: string, userId: string): Promise<void>;
  createInvite(
    actorId: string,
    boardId: string,
    input: { role: BoardRole; expiresInHours: number; maxUses: number | null },
  ): Promise<{ token: string; invite: InviteInfo }>;
  listInvites(actorId: string, boardId: string): Promise<InviteInfo[]>;
  revokeInvite(actorId: string, boardId: string, inviteId: string): Promise<void>;
  /** What an invite link offers, without using it. */
  describeInvite(
    token: string,
  ): Promise<
    { ok: true; boardId: string; boardTitle: string; role: BoardRole } | { ok: false; problem: InviteProblem }
  >;
  /** Joins the board (never lowers an existing role). */
  acceptInvite(
    userId: string,
    token: string,
  ): Promise<
    | { ok: true; boardId: string }
    /** `releasableTo`: a message ref naming the board's list, with "not-releasable" (MARK-12). */
    | { ok: false; problem: InviteProblem; releasableTo?: string }
  >;
  listActivity(
    actorId: string,
    boardId: string,
    options: { delegationCode?: string; limit: number },
  ): Promise<ActivityItem[]>;
}

// ---- Comments, positions and agreement ------------------------------------

export type ActionResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Positions and the agreement workflow. Inputs are `unknown`: the service
 * validates them (zod) and answers field errors. The delegation a position is
 * recorded for is always the actor's own.
 */
interface ConsensusServices {
  getBoardConsensus(actorId: string, boardId: string): Promise<BoardConsensusJson>;
  /** input: { rowId, position, text? } */
  recordPosition(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  positionHistory(actorId: string, boardId: string, rowId: string): Promise<PositionRecord[]>;
  /** input: { rowId, procedure: "consensus" } | { rowId, procedure: "silence", silenceDeadline: ISO datetime } (chair) */
  propose(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  /** Chair; only when every participant has spoken and nobody objects. */
  declareAgreed(actorId: string, boardId: string, rowId: string): Promise<ActionResult>;
  /** Chair; agreed or proposed → draft. */
  reopen(actorId: string, boardId: string, rowId: string): Promise<ActionResult>;
  /** Chair; input: { forum: "nato" | "eu" | "joint" }; refused (field error) once a position is recorded. */
  changeForum(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
}

interface CommentServices {
  list(actorId: string, boardId: string): Promise<CommentsOverview>;
  /** input: { rowId, cell?, parentId?, body, mentionUserIds?, mentionDelegationCodes? } */
  create(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  edit(actorId: string, boardId: string, commentId: string, body: unknown): Promise<ActionResult>;
  remove(actorId: string, boardId: string, commentId: string): Promise<ActionResult>;
  setResolved(actorId: string, boardId: string, commentId: string, resolved: boolean): Promise<ActionResult>;
  markMentionsRead(actorId: string, boardId: string): Promise<void>;
}

/**
 * Bracketed alternatives (decision 020). Sponsors are the actor's own delegation, never taken from the input;
 * observers and institutions are refused (403); resolving is the chair's.
 */
interface BracketServices {
  list(actorId: string, boardId: string): Promise<BoardBracketsJson>;
  /** input: { rowId, field: "responsibility", responsibility, lead? } | { rowId, field: "title", title } */
  proposeAlternative(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  /** input: { alternativeId }; join true to join, false to leave. */
  setSponsorship(actorId: string, boardId: string, input: unknown, join: boolean): Promise<ActionResult>;
  /** input: { bracketId, choice: alternativeId | "current" } (chair) */
  resolve(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
}

// ---- The meeting: agenda and tour de table (decision 021) ------------------

/**
 * Inputs are `unknown`: the services validate them (zod) and answer field errors. Reading is for every member;
 * the agenda, the floor, the list and the timer are the chair's; hands are raised and lowered by chairs and
 * delegates for their own delegation only.
 */
export interface MeetingServices {
  getMeeting(actorId: string, boardId: string): Promise<MeetingJson>;
  /** input: { title, rowIds: string[] } */
  addItem(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  /** input: { itemId, direction: "up" | "down" } */
  moveItem(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  /** input: { itemId } */
  removeItem(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  /** input: { itemId: string | null } */
  setCurrentItem(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  nextItem(actorId: string, boardId: string): Promise<ActionResult>;
  raiseHand(actorId: string, boardId: string): Promise<ActionResult>;
  lowerHand(actorId: string, boardId: string): Promise<ActionResult>;
  /** input: { delegationCode } (a delegation on the speaking list) */
  giveFloor(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
  endIntervention(actorId: string, boardId: string): Promise<ActionResult>;
  clearList(actorId: string, boardId: string): Promise<ActionResult>;
  /** input: { seconds: 60 | 120 | 180 | 300 | null } */
  setTimer(actorId: string, boardId: string, input: unknown): Promise<ActionResult>;
}
