/**
 * Cross-site request forgery guard for state-changing API calls: a browser names the page that
 * made a request in `Origin` (and says `Sec-Fetch-Site`); a mutation is accepted only from a page
 * of the same host, as JSON. SameSite=Lax cookies alone would let a plain form post through.
 */
import { requestHost, type TrustOptions } from "./request-host";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type CrossSiteVerdict = { ok: true } | { ok: false; message: string };

export function checkSameOrigin(
  request: { method: string; headers: Headers },
  opts: TrustOptions = {},
  /** What the body must be: JSON (API calls) or raw bytes (document uploads). */
  body: "json" | "bytes" = "json",
): CrossSiteVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const h = request.headers;
  const type = h.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  // A form (urlencoded, multipart, text/plain) can be posted cross-site without CORS; JSON and
  // application/octet-stream cannot (the browser asks first, and we never say yes).
  if (body === "json" && type !== "application/json")
    return { ok: false, message: "This request must be sent as JSON." };
  if (body === "bytes" && type !== "application/octet-stream") {
    return { ok: false, message: "This request must be sent as application/octet-stream." };
  }
  const site = h.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return { ok: false, message: "Cross-site requests are refused." };
  }
  const origin = h.get("origin");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return { ok: false, message: "Cross-site requests are refused." };
    }
    if (originHost !== requestHost(h, opts)?.toLowerCase()) {
      return { ok: false, message: "Cross-site requests are refused." };
    }
  }
  return { ok: true };
}

/** HSTS once the person reached us over HTTPS (behind a trusted TLS proxy); never on plain http. */
export const HSTS = "max-age=31536000; includeSubDomains";
