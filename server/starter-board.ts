/**
 * The first Yjs state of a new board: schema version, and for the starter
 * template the catalogue's threats with their suggested responsibility and
 * instruments.
 */
import * as Y from "yjs";
import { appendRows, initBoardDoc, type NewRowInput } from "../core/board-doc";
import type { Locale } from "../core/locale";
import type { BoardTemplate } from "../core/services";

interface TemplateThreat {
  title: string;
  /** Remit's French wording of the title (catalogue titleFr). */
  titleFr?: string;
  /** Remit's French wording of the description (catalogue summaryFr). */
  summaryFr?: string;
  category: NonNullable<NewRowInput["category"]>;
  summary: string;
  suggestedResponsibility: NonNullable<NewRowInput["responsibility"]>;
  suggestedInstruments: string[];
}

export function buildInitialBoardState(
  template: BoardTemplate,
  threats: TemplateThreat[],
  locale: Locale = "en",
): Uint8Array {
  const doc = new Y.Doc();
  initBoardDoc(doc);
  if (template === "starter") {
    appendRows(
      doc,
      threats.map((threat) => ({
        title: locale === "fr" && threat.titleFr ? threat.titleFr : threat.title,
        description: locale === "fr" && threat.summaryFr ? threat.summaryFr : threat.summary,
        category: threat.category,
        responsibility: threat.suggestedResponsibility,
        // The catalogue has no lead for Shared; Joint is the neutral start for the debate.
        lead: threat.suggestedResponsibility === "Shared" ? "Joint" : null,
        instrumentIds: threat.suggestedInstruments,
      })),
    );
  }
  return Y.encodeStateAsUpdate(doc);
}
