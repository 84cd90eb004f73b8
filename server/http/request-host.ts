/**
 * Which host a request was made to, from which address, over which scheme. X-Forwarded-* headers
 * are written by whoever sent the request, so they count only when a proxy we were told about
 * (TRUST_PROXY) stands in front and overwrites them; otherwise the Host header decides. Every
 * reader of the request's host goes through here. Pure (no database, no `server-only`), so the
 * Next proxy can use it too.
 */

export interface TrustOptions {
  /** A proxy in front sets X-Forwarded-Host/-Proto/-For; defaults to the TRUST_PROXY setting. */
  trustProxy?: boolean;
}

export function trustProxySetting(): boolean {
  return /^(1|true|yes|on)$/i.test(process.env.TRUST_PROXY?.trim() ?? "");
}

/** The first entry of a possibly comma-separated header. */
const first = (value: string | null | undefined) => value?.split(",")[0]?.trim() || null;
/** The last entry: the one our own proxy added (it appends to, or replaces, what the client sent). */
const last = (value: string | null | undefined) => value?.split(",").at(-1)?.trim() || null;

/** The host (and port) the person asked for, as the client sent it; null when there is none. */
export function requestHost(headers: Headers, opts: TrustOptions = {}): string | null {
  const trusted = opts.trustProxy ?? trustProxySetting();
  return (trusted ? last(headers.get("x-forwarded-host")) : null) ?? first(headers.get("host"));
}

/** "https" or "http": forwarded only behind a trusted proxy; Node's own server speaks http. */
export function requestProtocol(headers: Headers, opts: TrustOptions = {}): "http" | "https" {
  const trusted = opts.trustProxy ?? trustProxySetting();
  return trusted && last(headers.get("x-forwarded-proto"))?.toLowerCase() === "https" ? "https" : "http";
}

/**
 * The client's address behind a trusted proxy, else null: `next start` keeps a client's own
 * X-Forwarded-For, so without a proxy the address cannot be known and must not be guessed.
 */
export function clientAddress(headers: Headers, opts: TrustOptions = {}): string | null {
  const trusted = opts.trustProxy ?? trustProxySetting();
  if (!trusted) return null;
  return last(headers.get("x-forwarded-for")) ?? last(headers.get("x-real-ip"));
}
