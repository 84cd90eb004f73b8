/**
 * The session id inside this request's Auth.js cookie. The cookie is an encrypted JWT; decrypting it
 * (key derivation + JWE) was the largest single cost of a signed-in request. The answer for one
 * cookie string never changes until the token expires, so it is remembered for that string only —
 * a different or altered cookie is decrypted afresh. Whether the session still counts is decided
 * every time by `validateSession` (the Session row), not here.
 */
import { decode, getToken } from "next-auth/jwt";
import { requestProtocol } from "../http/request-host";

const MAX_ENTRIES = 10_000;
const known = new Map<string, { sid: string | null; expiresAt: number }>();

function cookieName(secure: boolean) {
  return `${secure ? "__Secure-" : ""}authjs.session-token`; // Auth.js's own name (and salt)
}

export async function sessionIdFromCookies(headers: Headers, now = Date.now()): Promise<string | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const secure = requestProtocol(headers) === "https";
  const name = cookieName(secure);
  // Only the cookie header (no `Authorization: Bearer`): sessions ride in the cookie alone, as with auth().
  const token = await getToken({
    req: { headers: { cookie: headers.get("cookie") ?? "" } },
    secret,
    secureCookie: secure,
    cookieName: name,
    raw: true,
  });
  if (!token) return null;
  const key = `${name}\n${token}`;
  const hit = known.get(key);
  if (hit && hit.expiresAt > now) return hit.sid;
  const payload: { sid?: unknown; exp?: unknown } | null = await decode({ token, secret, salt: name }).catch(
    () => null, // altered, foreign or expired: not signed in
  );
  const sid = typeof payload?.sid === "string" ? payload.sid : null;
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : now;
  if (sid && exp > now) {
    if (known.size >= MAX_ENTRIES) known.clear();
    known.set(key, { sid, expiresAt: exp });
  }
  return sid;
}
