/**
 * Reads an XLSX (zip) without trusting what it says about itself: every entry
 * is inflated here with a byte budget that counts what zlib actually produces
 * (`maxOutputLength`), so a zip whose headers declare 1 KiB but inflate to
 * gigabytes is stopped at the budget, before exceljs sees it. ZIP64 and
 * encrypted entries are refused: no spreadsheet of a real board needs them.
 */
import { inflateRawSync } from "node:zlib";
import { messageRef, type MessageRef } from "../../core/message-ref";

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

class ZipLimitError extends Error {
  constructor(readonly inflatedSoFar: number) {
    super("inflated-bytes");
  }
}

export function listZipEntries(zip: Buffer): { entries: ZipEntryInfo[] } | { error: MessageRef } {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= searchFrom; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { error: messageRef("importErrors.notZip") };
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return { error: messageRef("importErrors.zip64") };
  const entries: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE)
      return { error: messageRef("importErrors.zipDamaged") };
    const flags = zip.readUInt16LE(offset + 8);
    if (flags & 1) return { error: messageRef("importErrors.zipEncrypted") };
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push({
      name: zip.toString("utf8", offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return { entries };
}

/**
 * Inflates one entry with at most `budget` bytes of output; throws
 * ZipLimitError when the entry would produce more. Returns null for a
 * damaged entry or an unsupported compression method.
 */
function inflateEntry(zip: Buffer, entry: ZipEntryInfo, budget: number): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, Math.min(zip.length, start + entry.compressedSize));
  if (entry.method === 0) {
    if (data.length > budget) throw new ZipLimitError(data.length);
    return data;
  }
  if (entry.method !== 8) return null;
  try {
    // maxOutputLength makes zlib stop (RangeError) as soon as the output passes the budget.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipLimitError(budget);
    return null;
  }
}

/** Every entry inflated, in directory order, within `maxTotalBytes` counted as inflated. */
export function inflateAll(
  zip: Buffer,
  maxTotalBytes: number,
): { files: Map<string, Buffer>; inflatedBytes: number } | { error: MessageRef } | { overLimit: true } {
  const listed = listZipEntries(zip);
  if ("error" in listed) return listed;
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const entry of listed.entries) {
    if (entry.name.endsWith("/")) continue;
    let data: Buffer | null;
    try {
      data = inflateEntry(zip, entry, maxTotalBytes - total);
    } catch (error) {
      if (error instanceof ZipLimitError) return { overLimit: true };
      throw error;
    }
    if (!data) return { error: messageRef("importErrors.zipEntryDamaged", { name: entry.name.slice(0, 200) }) };
    total += data.length;
    files.set(entry.name, data);
  }
  return { files, inflatedBytes: total };
}
