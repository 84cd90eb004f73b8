/**
 * The cover page as the browser encrypted it (a content stream under the document's pages key P):
 * the server cannot read it, only check it has the shape of one — the "FXP" format, version 1 and at
 * least a header and a final chunk — so a broken client is told at once.
 */
import { CONTENT_FORMAT_VERSION } from "@/lib/crypto/content-stream";
import { fromBase64 } from "@/lib/crypto/encoding";
import { badRequest } from "../errors";

/** prefix (8) + secretstream header (24) + one chunk's tag (17) */
const MIN_BYTES = 8 + 24 + 17;
const UNREADABLE = "The encrypted cover page could not be read. Reload the page and send again.";

export async function readCoverCipher(encoded: string | undefined): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!encoded) return null;
  let bytes: Uint8Array;
  try {
    bytes = await fromBase64(encoded);
  } catch {
    throw badRequest(UNREADABLE, "coverPage");
  }
  const fxp = bytes[0] === 0x46 && bytes[1] === 0x58 && bytes[2] === 0x50 && bytes[3] === CONTENT_FORMAT_VERSION;
  if (bytes.length < MIN_BYTES || !fxp) throw badRequest(UNREADABLE, "coverPage");
  return new Uint8Array(bytes);
}
