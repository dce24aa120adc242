/**
 * No export that only its own file uses: scripts/unused-exports.ts lists the exports of core/, app/ and server/
 * that no other file imports (tests count as importers); each one is dead API, or dead code. A name that must stay
 * exported anyway goes on the allow-list below with its reason.
 */
import { describe, expect, it } from "vitest";
import { findLocalOnlyExports } from "../../scripts/unused-exports";

/** `file: name` → why it stays exported. */
const ALLOWED: Record<string, string> = {
  "app/components/board/coverage-heatmap.tsx: heatmapColumns": "owned by another change (grid)",
  "app/components/board/coverage-heatmap.tsx: HeatmapInstrument": "owned by another change (grid)",
  "app/components/board/import-panel.tsx: ImportPanelProps": "owned by another change (grid)",
  "app/i18n/index.ts: MessageParams": "owned by another change (french)",
  "app/i18n/index.ts: translateMessage": "owned by another change (french)",
  "app/lib/row-change-announcer.ts: describeRowChanges": "owned by another change (grid)",
  "app/lib/row-change-announcer.ts: RowChange": "owned by another change (grid)",
  "app/lib/row-digests.ts: RowResponsibility": "owned by another change (grid)",
  "app/lib/row-digests.ts: RowTitle": "owned by another change (grid)",
  "app/lib/row-filter.ts: matchesResponsibility": "owned by another change (grid)",
  "app/lib/row-settled-digest.ts: SettledDigest": "owned by another change (grid)",
  "app/lib/row-filter.ts: ResponsibilityFilter": "owned by another change (grid)",
  "server/collab/frames.ts: ClientFrame": "owned by another change (durable, perf)",
  "server/collab/presence-stamp.ts: AwarenessEntry": "owned by another change (durable, perf)",
  "server/collab/socket-limits.ts: PauseReason": "owned by another change (durable, perf)",
  "server/collab/update-persister.ts: PersisterOptions": "owned by another change (durable, perf)",
  "server/collab/update-validation.ts: UpdateCheck": "owned by another change (durable, perf)",
  "server/collab/ws-endpoint.ts: boardIdFromTarget": "owned by another change (durable, perf)",
  "server/collab/ws-endpoint.ts: BoardIdSchema": "owned by another change (durable, perf)",
  "server/collab/ws-endpoint.ts: CollabEndpointOptions": "owned by another change (durable, perf)",
  "server/collab/ws-endpoint.ts: WsConnection": "owned by another change (durable, perf)",
  "server/db/activity-log.ts: ActivityLogDeps": "owned by another change (durable, perf)",
  "server/db/boards.ts: BoardSummary": "owned by another change (durable, perf)",
  "server/db/boards.ts: CustomInstrumentInput": "owned by another change (durable, perf)",
  "server/db/boards.ts: InstrumentRecord": "owned by another change (durable, perf)",
  "server/db/boards.ts: newBoardId": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: Catalogue": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: CatalogueInstrumentSchema": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: CatalogueSchema": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: CatalogueThreat": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: CatalogueThreatSchema": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: INSTRUMENT_KINDS": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: InstrumentKindSchema": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: InstrumentOwnerSchema": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: ResponsibilitySchema": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: THREAT_CATEGORIES": "owned by another change (durable, perf)",
  "server/db/instrument-catalogue.ts: ThreatCategorySchema": "owned by another change (durable, perf)",
  "server/db/migrate.ts: PrismaCliResult": "owned by another change (durable, perf)",
  "server/db/migration-status.ts: committedMigrations": "owned by another change (durable, perf)",
  "server/versions/snapshot-builder.ts: readStateRows": "owned by another change (french)",
  "server/versions/snapshot-builder.ts: SnapshotInput": "owned by another change (french)",
  "server/versions/version-records.ts: NewVersion": "owned by another change (french)",
  "server/versions/version-records.ts: sha256Hex": "owned by another change (french)",
  "server/versions/version-service.ts: ConsensusReader": "owned by another change (french)",
  "server/versions/version-service.ts: VersionServiceDeps": "owned by another change (french)",
};

describe("exports", () => {
  const found = findLocalOnlyExports().map(({ file, name }) => `${file}: ${name}`);

  it("every export of core/, app/ and server/ is imported by another file, or allowed with a reason", () => {
    expect(found.filter((entry) => !(entry in ALLOWED))).toEqual([]);
  });

  it("the allow-list names only exports that are still local-only", () => {
    expect(Object.keys(ALLOWED).filter((entry) => !found.includes(entry))).toEqual([]);
  });
});
