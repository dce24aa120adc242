/**
 * A snapshot worded for a reader or a file in `locale` (I18N-5, I18N-11, I18N-14): delegations by their name in
 * that language ("Allemagne"), and library instruments by their official French title where the catalogue has one
 * for the very name the snapshot holds (a version keeps its names; this is the French of that name, not a newer
 * one). Codes and ids (positions, the publisher, delegations present, instrument ids), which a re-import reads,
 * stay as they are; the stored snapshot and its fingerprint are not touched.
 */
import type { MatrixSnapshot } from "../../core/matrix-snapshot";
import type { Locale } from "../../core/locale";
import { delegationNameIn } from "../../core/delegation-names";
import { officialFrenchTitles } from "../db/instrument-catalogue";

export function snapshotInLanguage(
  locale: Locale,
  snapshot: MatrixSnapshot,
  titles: ReadonlyMap<string, { name: string; nameFr: string }> = officialFrenchTitles(),
): MatrixSnapshot {
  if (locale === "en") return snapshot;
  const nameOf = (code: string, name: string) => delegationNameIn(locale, code, name);
  // Delegations present are stored as names ("Germany"): their codes come from the membership and the positions.
  const codeOf = new Map<string, string>([
    ...snapshot.rows.flatMap((row) => row.positions.map((p) => [p.delegationName, p.delegation] as const)),
    ...(snapshot.membership ?? []).map((member) => [member.name, member.code] as const),
  ]);
  const present = snapshot.delegationsPresent.map((name) => {
    const code = codeOf.get(name);
    return code ? nameOf(code, name) : name;
  });
  return {
    ...snapshot,
    instruments: snapshot.instruments.map((instrument) => {
      const title = instrument.custom ? undefined : titles.get(instrument.id);
      return title && title.name === instrument.name ? { ...instrument, name: title.nameFr } : instrument;
    }),
    delegationsPresent: present.sort(new Intl.Collator(locale).compare),
    membership: snapshot.membership?.map((member) => ({ ...member, name: nameOf(member.code, member.name) })),
    rows: snapshot.rows.map((row) => ({
      ...row,
      positions: row.positions.map((p) => ({ ...p, delegationName: nameOf(p.delegation, p.delegationName) })),
    })),
  };
}
