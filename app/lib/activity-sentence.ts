/**
 * Activity entries in words: "Anna Schmidt (Germany) set 'Undersea data cable
 * sabotage' to Shared, 14:02". Pure, so the wording is unit-tested.
 */
import { POSITION_VALUES } from "../../core/consensus";
import { delegationName, i18n, t, type MessageKey } from "../i18n";
import type { ActivityItem } from "../../core/services";
import { CATEGORIES, LEADS, RESPONSIBILITIES, TEXT_FIELDS } from "../../core/board-doc";
import { isolate } from "./bidi";
import { describeMeetingActivity } from "./meeting-activity-sentence";
import { BOARD_FORUMS } from "../../core/domain";
import { forumLabel } from "./forum-labels";
import { bracketWords } from "./bracket-words";
import { bracketResolvedText, bracketSideText } from "../../core/bracket-activity";

const includes = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value);

function label(kind: "responsibility" | "lead" | "category", value: string | null | undefined): string {
  if (kind === "responsibility" && includes(RESPONSIBILITIES, value)) return t(`responsibility.${value}`);
  if (kind === "lead" && includes(LEADS, value)) return t(`owner.${value}`);
  if (kind === "category" && includes(CATEGORIES, value)) return t(`category.${value}`);
  return value || t("activity.nothing");
}

const forumName = (value: string | null | undefined) =>
  includes(BOARD_FORUMS, value) ? forumLabel(value) : value || t("activity.nothing");

const BRACKET_KEYS: Record<"bracket-proposed" | "bracket-joined" | "bracket-left", MessageKey> = {
  "bracket-proposed": "activity.bracketProposed",
  "bracket-joined": "activity.bracketJoined",
  "bracket-left": "activity.bracketLeft",
};

const FIELD_KEYS: Record<(typeof TEXT_FIELDS)[number], MessageKey> = {
  title: "activity.fieldTitle",
  description: "activity.fieldDescription",
  notes: "activity.fieldNotes",
};

/** The sentence without the time. `instrumentName` resolves instrument ids to names. */
export function describeActivity(item: ActivityItem, instrumentName: (id: string) => string | undefined): string {
  // User text is isolated (bidi.ts): a name or title with a right-to-left override cannot reverse the sentence.
  const actor = item.delegationName
    ? t("activity.actor", {
        name: isolate(item.actorName),
        delegation: delegationName(item.delegationCode ?? "", item.delegationName),
      })
    : isolate(item.actorName);
  const row = item.rowTitle?.trim()
    ? t("activity.row", { title: isolate(item.rowTitle.trim()) })
    : t("activity.untitledRow");
  const { detail } = item;
  const instrumentId = detail.instrument ?? "";
  const instrument = instrumentName(instrumentId) ?? t("instruments.unknown", { id: instrumentId });
  const params = { actor, row, instrument };
  switch (item.kind) {
    case "row-added":
      return t("activity.rowAdded", params);
    case "row-deleted":
      return t("activity.rowDeleted", params);
    case "row-moved":
      return t("activity.rowMoved", params);
    case "responsibility-changed":
      return t("activity.responsibilityChanged", { ...params, to: label("responsibility", detail.to) });
    case "lead-changed":
      return t("activity.leadChanged", { ...params, to: label("lead", detail.to) });
    case "category-changed":
      return t("activity.categoryChanged", { ...params, to: label("category", detail.to) });
    case "instrument-linked":
      return t("activity.instrumentLinked", params);
    case "instrument-unlinked":
      return t("activity.instrumentUnlinked", params);
    case "text-edited": {
      const field = includes(TEXT_FIELDS, detail.field) ? t(FIELD_KEYS[detail.field]) : t("activity.fieldText");
      return t("activity.textEdited", { ...params, field });
    }
    case "position-recorded":
      return t("activity.positionRecorded", {
        ...params,
        position: includes(POSITION_VALUES, detail.position)
          ? t(`positions.${detail.position}`)
          : String(detail.position),
      });
    case "silence-broken":
      return t("activity.silenceBroken", params);
    case "row-proposed":
      return t(detail.procedure === "silence" ? "activity.rowProposedSilence" : "activity.rowProposed", params);
    case "row-agreed":
      return t(detail.procedure === "silence" ? "activity.rowAgreedSilence" : "activity.rowAgreed", params);
    case "row-reopened":
      return t("activity.rowReopened", params);
    case "comment-added":
      return t("activity.commentAdded", params);
    case "comment-edited":
      return t("activity.commentEdited", params);
    case "comment-deleted":
      return t("activity.commentDeleted", params);
    case "thread-resolved":
      return t("activity.threadResolved", params);
    case "thread-reopened":
      return t("activity.threadReopened", params);
    case "row-back-to-draft":
      return t(detail.reason === "bracketed" ? "activity.backToDraftBracketed" : "activity.backToDraft", params);
    case "bracket-proposed":
    case "bracket-joined":
    case "bracket-left": {
      const key = BRACKET_KEYS[item.kind];
      return t(key, { ...params, alternative: isolate(bracketSideText(detail, bracketWords())) });
    }
    case "bracket-resolved": {
      const { chosen, withdrawn } = bracketResolvedText(detail, bracketWords());
      return t(withdrawn ? "activity.bracketResolvedWithdrawn" : "activity.bracketResolved", {
        ...params,
        chosen: isolate(chosen ?? ""),
        withdrawn: isolate(withdrawn ?? ""),
      });
    }
    case "marking-changed":
      // The marking is written as set (markings are conventional text, not translated).
      return t("markings.activityChanged", { actor, to: isolate(detail.to ?? "") });
    case "forum-changed":
      return t("forums.activityChanged", { actor, from: forumName(detail.from), to: forumName(detail.to) });
    default:
      return describeMeetingActivity(item.kind, detail, actor) ?? t("activity.changed", params);
  }
}

/** "14:02" today, "Nov 24, 14:02" on other days (in the given time zone, the browser's by default). */
export function formatActivityTime(iso: string, now: Date, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { dateTimeFormat } = i18n();
  const day = dateTimeFormat({ dateStyle: "medium", timeZone });
  const time = dateTimeFormat({
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(at);
  if (day.format(at) === day.format(now)) return time;
  const shortDay = dateTimeFormat({ month: "short", day: "numeric", timeZone }).format(at);
  return t("activity.dayAndTime", { day: shortDay, time });
}

export function activitySentence(
  item: ActivityItem,
  instrumentName: (id: string) => string | undefined,
  now: Date,
  timeZone?: string,
): string {
  return t("activity.sentence", {
    what: describeActivity(item, instrumentName),
    time: formatActivityTime(item.at, now, timeZone),
  });
}
