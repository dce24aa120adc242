/**
 * Times on the consensus panels, in the browser's time zone (they are only
 * rendered client-side, from fetcher data, so server and browser never disagree).
 */
import { LOCALE } from "../i18n";

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short" });

export function formatLocalDateTime(iso: string, format: Intl.DateTimeFormat = dateTime): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
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
