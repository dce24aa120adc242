/**
 * A 5 MiB XLSX can unpack to gigabytes (zip bomb), and exceljs unpacks a
 * whole workbook in memory. Before handing it over, read the zip's central
 * directory and add up the sizes it declares. A zip that lies about sizes is
 * still caught later by the unzipper's own length/CRC checks; this stops the
 * simple cases cheaply. ZIP64 is refused: no real board needs 4 GiB entries.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export function declaredUnpackedSize(zip: Buffer): { bytes: number } | { error: string } {
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= searchFrom; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { error: "not a zip archive" };
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return { error: "ZIP64 archives are not supported" };
  let bytes = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_SIGNATURE)
      return { error: "damaged zip directory" };
    const size = zip.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return { error: "ZIP64 archives are not supported" };
    bytes += size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return { bytes };
}
