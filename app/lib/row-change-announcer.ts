/**
 * Says, politely and not too often, that someone else changed the row this
 * person is working on (WCAG 4.1.3; issue 14). In a busy meeting a row can change
 * many times a minute: the first change is said at once, the ones that follow
 * within ROW_ANNOUNCE_INTERVAL_MS are gathered into one summary said when the
 * interval is over. Pure apart from the injected clock and timer, so it is unit-tested.
 */
import { t, type MessageKey } from "../i18n";

export const ROW_ANNOUNCE_INTERVAL_MS = 5000;

/** Row fields as the board document names them, and the words for them. */
const FIELD_KEYS: Record<string, MessageKey> = {
  title: "grid.title",
  description: "grid.description",
  notes: "grid.notes",
  category: "grid.category",
  responsibility: "grid.colResponsibility",
  lead: "remoteChange.lead",
  instruments: "grid.colInstruments",
  position: "remoteChange.order",
};

interface RowChange {
  rowId: string;
  title: string;
  /** Board-document field names (title, responsibility, instruments…), or "deleted". */
  fields: readonly string[];
}

export interface AnnouncerClock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

const fieldName = (field: string) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]).toLowerCase() : null);

function describeRowChanges(title: string, fields: ReadonlySet<string>, count: number): string {
  if (fields.has("deleted")) return t("remoteChange.deleted", { title });
  if (count > 1) return t("remoteChange.many", { title, count });
  const names = [...fields].map(fieldName).filter((name): name is string => name !== null);
  return names.length === 1 ? t("remoteChange.one", { title, field: names[0] }) : t("remoteChange.some", { title });
}

export function createRowChangeAnnouncer(say: (text: string) => void, clock: AnnouncerClock) {
  let lastSaid = -Infinity;
  let pending: { rowId: string; title: string; fields: Set<string>; count: number } | null = null;
  let timer: unknown = null;

  const flush = () => {
    timer = null;
    if (!pending) return;
    say(describeRowChanges(pending.title, pending.fields, pending.count));
    pending = null;
    lastSaid = clock.now();
  };

  return {
    offer(change: RowChange) {
      // A change to another row replaces what was gathered: only the row the person is on matters.
      if (pending && pending.rowId !== change.rowId) pending = null;
      if (!pending) pending = { rowId: change.rowId, title: change.title, fields: new Set(), count: 0 };
      for (const field of change.fields) pending.fields.add(field);
      pending.title = change.title;
      pending.count += 1;
      const wait = lastSaid + ROW_ANNOUNCE_INTERVAL_MS - clock.now();
      if (wait <= 0 && timer === null) flush();
      else if (timer === null) timer = clock.setTimer(flush, Math.max(0, wait));
    },
    dispose() {
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
      pending = null;
    },
  };
}
