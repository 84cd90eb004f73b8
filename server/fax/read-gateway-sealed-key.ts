/** The browser's sealed copy of a document key for the gateway: base64url of a version-1 sealed box of 32 bytes. */
import { fromBase64 } from "@/lib/crypto";
import { badRequest } from "../errors";

const SEALED_KEY_BYTES = 1 + 48 + 32; // version ‖ crypto_box_seal overhead ‖ 32-byte key

export async function readGatewaySealedKey(text: string): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array | null = null;
  try {
    bytes = await fromBase64(text);
  } catch {
    bytes = null;
  }
  if (!bytes || bytes.length !== SEALED_KEY_BYTES || bytes[0] !== 1) {
    throw badRequest(
      "The document's key for the fax gateway is missing or damaged. Reload the page and send again.",
      "gatewaySealedKey",
    );
  }
  return new Uint8Array(bytes);
}
