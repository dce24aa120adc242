/**
 * Times on the consensus panels, in the browser's time zone (they are only
 * rendered client-side, from fetcher data, so server and browser never disagree).
 */
import { i18n } from "../i18n";

export function formatLocalDateTime(iso: string, format?: Intl.DateTimeFormat): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (format ?? i18n().dateTimeFormat({ dateStyle: "medium", timeStyle: "short" })).format(date);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as the value of an <input type="datetime-local"> ("2026-11-26T14:05"), in local time. */
export function toDateTimeLocalValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Date.getTimezoneOffset of the local moment typed in a datetime-local input (right across DST changes), else of now. */
export function timezoneOffsetAt(localValue: string): number {
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? new Date().getTimezoneOffset() : date.getTimezoneOffset();
}
