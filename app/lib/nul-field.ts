/**
 * U+0000 anywhere in what a request carries: PostgreSQL text cannot store it (a write would fail half-way, on one
 * provider only) and no real input holds it. Forms are checked in csrf.server.ts; this finds it inside parsed JSON
 * and file contents too, so every way in answers the same 422 naming where it was.
 */
const NUL = "\u0000";

/** The path of the first string holding a NUL ("" for the value itself, "2.name" inside), or null when none does. */
export function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path : null;
  if (!value || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** The name of the first form field (text parts and file names) holding a NUL, or null. */
export function nulFormField(formData: FormData): string | null {
  for (const [name, value] of formData.entries()) {
    const text = typeof value === "string" ? value : "name" in value ? String(value.name) : "";
    if (text.includes(NUL)) return name;
  }
  return null;
}
