/**
 * Secrets handed to browsers (session and invite tokens) are random; the
 * database stores only their SHA-256, so a leaked table opens no session.
 */
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
