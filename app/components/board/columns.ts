/** The matrix columns, and which column shows each presence field (for others' focus outlines). */
import type { PresenceField } from "../../../core/presence";

export const COLUMNS = { threat: 0, responsibility: 1, instruments: 2, notes: 3, actions: 4 } as const;
export const COLUMN_COUNT = 5;

const FIELD_COLUMNS: Record<PresenceField, number> = {
  title: COLUMNS.threat,
  category: COLUMNS.threat,
  description: COLUMNS.threat,
  responsibility: COLUMNS.responsibility,
  instruments: COLUMNS.instruments,
  notes: COLUMNS.notes,
};

export function columnOfField(field: PresenceField): number {
  return FIELD_COLUMNS[field];
}
