/**
 * The fax title as the browser encrypted it (encryptFaxTitle under the document's key): the server
 * cannot read it, only check it has the shape of one — version, nonce, tag — so a broken client is
 * told at once instead of storing bytes nobody can ever decrypt.
 */
import { fromBase64 } from "@/lib/crypto/encoding";
import { badRequest } from "../errors";

/** version (1) + XChaCha20 nonce (24) + Poly1305 tag (16) */
const MIN_BYTES = 1 + 24 + 16;
const UNREADABLE = "The encrypted title could not be read. Reload the page and send again.";

export async function readTitleCipher(encoded: string | undefined): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!encoded) return null;
  let bytes: Uint8Array;
  try {
    bytes = await fromBase64(encoded);
  } catch {
    throw badRequest(UNREADABLE, "title");
  }
  if (bytes.length < MIN_BYTES || bytes[0] !== 1) throw badRequest(UNREADABLE, "title");
  return new Uint8Array(bytes);
}
