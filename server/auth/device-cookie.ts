/**
 * The "device cookie" (OWASP): after a successful sign-in, the browser gets a signed cookie
 * naming the login it used. Failures from that browser are counted apart from strangers', so
 * someone guessing elsewhere cannot lock the owner's own browser out.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "faxport-device";
export const DEVICE_COOKIE_DAYS = 180;

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

const sign = (payload: string) => createHmac("sha256", `device-cookie:${secret()}`).update(payload).digest("base64url");

/** A new cookie value for `login` signed in on `realm` (a tenant or the platform). */
export function issueDeviceCookie(realm: string, login: string): string {
  const payload = Buffer.from(
    JSON.stringify({ r: realm, l: login, n: randomBytes(12).toString("base64url") }),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The device's id when `value` is a genuine cookie for this realm and login; else null. */
export function deviceFor(value: string | null | undefined, realm: string, login: string): string | null {
  if (!value) return null;
  const [payload, mac] = value.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString()) as { r?: unknown; l?: unknown; n?: unknown };
    return data.r === realm && data.l === login && typeof data.n === "string" ? data.n : null;
  } catch {
    return null;
  }
}

/** Reads one cookie from a Cookie header. */
export function cookieFrom(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}
