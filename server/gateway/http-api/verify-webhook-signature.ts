/**
 * Telnyx-style webhook signatures: Ed25519 over `${telnyx-timestamp}|${raw body}`, base64 in
 * `telnyx-signature-ed25519`. Refuses timestamps more than `maxSkewSeconds` from our clock, so a
 * captured webhook cannot be replayed later.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Accepts the provider's public key as base64 of the raw 32 bytes, or as PEM. */
export function ed25519PublicKey(key: string): KeyObject {
  const trimmed = key.trim();
  if (trimmed.startsWith("-----BEGIN")) return createPublicKey(trimmed);
  const raw = Buffer.from(trimmed, "base64");
  if (raw.length !== 32) throw new Error("The webhook public key must be 32 bytes (base64)");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
}

export function verifyWebhookSignature(opts: {
  rawBody: Buffer | string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  publicKey: KeyObject;
  nowMs: number;
  maxSkewSeconds?: number;
}): SignatureCheck {
  const { signature, timestamp } = opts;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  const skew = Math.abs(opts.nowMs / 1000 - Number(timestamp));
  if (skew > (opts.maxSkewSeconds ?? 300)) return { ok: false, reason: "timestamp too far from now" };
  const body = typeof opts.rawBody === "string" ? Buffer.from(opts.rawBody) : opts.rawBody;
  const signed = Buffer.concat([Buffer.from(`${timestamp}|`), body]);
  const sig = Buffer.from(signature, "base64");
  if (sig.length !== 64) return { ok: false, reason: "malformed signature" };
  return verify(null, signed, opts.publicKey, sig) ? { ok: true } : { ok: false, reason: "bad signature" };
}
