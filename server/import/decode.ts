/** Size check and strict UTF-8 decoding shared by the text importers. */
import { MAX_IMPORT_BYTES, fileError, refuseImport, type ImportError, type ImportResult } from "./types";
import { messageRef } from "../../core/message-ref";

/** The upload limit, checked again here (the route checks it before buffering). */
export function checkSize(format: ImportResult["format"], bytes: number): ImportResult | null {
  return bytes <= MAX_IMPORT_BYTES ? null : refuseImport(format, "bytes", MAX_IMPORT_BYTES);
}

/**
 * Strict, so a Windows-1252 "CSV" from an old Excel is refused with advice
 * instead of importing "Å\u0081ódÅº" into an official record.
 */
export function decodeUtf8(data: Buffer | string): { text: string } | { error: ImportError } {
  if (typeof data === "string") return { text: data.replace(/^\uFEFF/, "") };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data) };
  } catch {
    return { error: fileError(messageRef("importErrors.notUtf8")) };
  }
}
