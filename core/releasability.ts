/**
 * Releasability: a board may be limited to the delegations of a list (MARK-10). Stored on the board as one
 * short string (`encodeReleasability`), read everywhere through `parseReleasability`. Shared by browser and
 * server: imports only zod.
 */
import * as z from "./zod";
import { markingText } from "./markings";
import { messageRef } from "./message-ref";

export const RELEASABILITY_PRESETS = ["nato-eu", "nato", "eu"] as const;
type ReleasabilityPreset = (typeof RELEASABILITY_PRESETS)[number];
const MAX_NAMED_DELEGATIONS = 64;

export type Releasability =
  /** No limit: any member may read the board. */
  { kind: "any" } | { kind: "preset"; preset: ReleasabilityPreset } | { kind: "delegations"; codes: string[] };

/** What a delegation needs to be judged: its code and its organisation flags. */
interface ReleasabilityDelegation {
  code: string;
  nato: boolean;
  eu: boolean;
}

/**
 * The organisations' own staff belong to them: a NATO-only board is releasable to the NATO International
 * Staff that chairs it, an EU one to the Commission, the EEAS and the Council's secretariat.
 */
const NATO_BODIES: ReadonlySet<string> = new Set(["NATO-IS", "NATO-IMS"]);
const EU_BODIES: ReadonlySet<string> = new Set(["EC", "EEAS", "GSC"]);

const CodeSchema = z.string().regex(/^[A-Z][A-Z0-9-]{0,15}$/, "not a delegation code");

export const ReleasabilityInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("any") }),
  z.object({ kind: z.literal("preset"), preset: z.enum(RELEASABILITY_PRESETS) }),
  z.object({
    kind: z.literal("delegations"),
    codes: z.array(CodeSchema).min(1).max(MAX_NAMED_DELEGATIONS),
  }),
]);

/** "any", "nato-eu", "nato", "eu" or "delegations:DE,FR" (codes sorted, without duplicates). */
export function encodeReleasability(releasability: Releasability): string {
  if (releasability.kind === "any") return "any";
  if (releasability.kind === "preset") return releasability.preset;
  return `delegations:${[...new Set(releasability.codes)].sort().join(",")}`;
}

/** Anything unreadable counts as the narrowest sensible reading: no one outside the named list (none). */
export function parseReleasability(stored: string | null | undefined): Releasability {
  if (!stored || stored === "any") return { kind: "any" };
  if ((RELEASABILITY_PRESETS as readonly string[]).includes(stored))
    return { kind: "preset", preset: stored as ReleasabilityPreset };
  const codes = stored.startsWith("delegations:") ? stored.slice("delegations:".length).split(",") : [];
  const valid = codes.filter((code) => CodeSchema.safeParse(code).success);
  return { kind: "delegations", codes: [...new Set(valid)].sort() };
}

export function isReleasableTo(releasability: Releasability, delegation: ReleasabilityDelegation): boolean {
  const inNato = delegation.nato || NATO_BODIES.has(delegation.code);
  const inEu = delegation.eu || EU_BODIES.has(delegation.code);
  switch (releasability.kind) {
    case "any":
      return true;
    case "preset":
      if (releasability.preset === "nato") return inNato;
      if (releasability.preset === "eu") return inEu;
      return inNato || inEu;
    case "delegations":
      return releasability.codes.includes(delegation.code);
  }
}

/** The words after "RELEASABLE TO" in a marking: "NATO, EU", "NATO", "EU", "DE, FR"; null when there is no list. */
function releasabilityMarkingList(releasability: Releasability): string | null {
  if (releasability.kind === "any") return null;
  if (releasability.kind === "delegations") return releasability.codes.join(", ");
  return { "nato-eu": "NATO, EU", nato: "NATO", eu: "EU" }[releasability.preset];
}

/** One line for refusals that reach people without translation (WebSocket close reasons, logs). */
export function describeReleasability(releasability: Releasability): string {
  if (releasability.kind === "any") return "every member";
  if (releasability.kind === "delegations") return `delegations ${releasability.codes.join(", ")} only`;
  return {
    "nato-eu": "NATO Allies + EU Member States only",
    nato: "NATO Allies only",
    eu: "EU Member States only",
  }[releasability.preset];
}

/** The marking as shown and exported: "RELEASABLE TO <list>" filled from the board's releasability. */
export function boardMarkingText(board: { marking: string; releasability: string }): string {
  return markingText(board.marking, releasabilityMarkingList(parseReleasability(board.releasability)));
}

/** The list as a message ref (core/message-ref.ts): the UI words it in the reader's language. */
export function releasabilityRef(releasability: Releasability): string {
  if (releasability.kind === "any") return messageRef("releasability.any");
  if (releasability.kind === "delegations")
    return messageRef("releasability.delegations", { delegations: releasability.codes.join(",") });
  return messageRef(
    { "nato-eu": "releasability.natoEu", nato: "releasability.nato", eu: "releasability.eu" }[releasability.preset],
  );
}
