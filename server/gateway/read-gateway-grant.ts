/**
 * A grant the browser sealed for the gateway (lib/crypto/gateway-grant.ts), checked before a job
 * exists: the right size for its purpose, sealed to a gateway key that still takes new jobs.
 */
import { fromBase64, type GatewayPurpose, gatewayGrantBytes, gatewayGrantKeyId } from "@/lib/crypto";
import { badRequest, conflict } from "../errors";
import type { GatewayKeyRing } from "./gateway-key-ring";

export async function readGatewayGrant(opts: {
  text: string;
  purpose: GatewayPurpose;
  ring: GatewayKeyRing;
  field: string;
}): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array | null = null;
  try {
    bytes = await fromBase64(opts.text);
  } catch {
    bytes = null;
  }
  const keyId = bytes && bytes.length === gatewayGrantBytes(opts.purpose) ? gatewayGrantKeyId(bytes) : null;
  if (!bytes || !keyId) {
    throw badRequest(
      "The document's key for the fax gateway is missing or damaged. Reload the page and try again.",
      opts.field,
    );
  }
  if (!opts.ring.accepts(keyId)) {
    throw conflict(
      "The fax gateway's key changed while this page was open. Reload the page and try again.",
      opts.field,
    );
  }
  return new Uint8Array(bytes);
}
