/**
 * The name and delegation a person picks on first visit, kept in a cookie
 * until accounts exist. Parsed the same way by Remix routes and by the
 * collaboration server's WebSocket upgrade.
 */
import { z } from "zod";

export const GUEST_COOKIE = "remit_guest";

export const GuestIdentitySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().trim().min(1, "Enter your name").max(80),
  delegation: z.string().trim().min(1, "Enter your delegation").max(80),
});
export type GuestIdentity = z.infer<typeof GuestIdentitySchema>;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeGuestCookieValue(identity: GuestIdentity): string {
  return toBase64Url(JSON.stringify(identity));
}

/** Reads the guest identity from a Cookie header; null when absent or invalid. */
export function readGuestIdentity(cookieHeader: string | null | undefined): GuestIdentity | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== GUEST_COOKIE) continue;
    try {
      const parsed = GuestIdentitySchema.safeParse(JSON.parse(fromBase64Url(rest.join("="))));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  return null;
}
