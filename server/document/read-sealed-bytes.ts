/** Base64url text from the browser → bytes, refused beside its field when it is not what it claims. */
import { fromBase64 } from "@/lib/crypto";
import { badRequest } from "../errors";

/** A sealed 32-byte key: version ‖ crypto_box_seal overhead ‖ key. */
export const SEALED_KEY_BYTES = 1 + 48 + 32;

export async function readBytes(
  text: string,
  field: string,
  what: string,
  check: (bytes: Uint8Array) => boolean,
): Promise<Uint8Array<ArrayBuffer>> {
  let bytes: Uint8Array | null = null;
  try {
    bytes = await fromBase64(text);
  } catch {
    bytes = null;
  }
  if (!bytes || !check(bytes)) throw badRequest(`${what} is damaged. Reload the page and try again.`, field);
  return new Uint8Array(bytes);
}

export const readSealedKey = (text: string, field: string, what: string) =>
  readBytes(text, field, what, (b) => b.length === SEALED_KEY_BYTES && b[0] === 1);
