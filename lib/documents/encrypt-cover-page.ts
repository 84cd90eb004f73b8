/**
 * A cover page leaves the browser only encrypted under the document's pages key P — the key the
 * fax's send grant already gives the gateway for the document's fax pages, so the gateway opens the
 * cover page at send time and nothing else can (lib/fax-cover-page.ts makes the page).
 */
import { encryptContent } from "../crypto/content-stream";
import { pagesKey } from "../crypto/document-key";
import { toBase64 } from "../crypto/encoding";

export async function encryptCoverPage(pdf: Uint8Array, documentKey: Uint8Array): Promise<string> {
  const P = await pagesKey(documentKey);
  try {
    const pieces: Uint8Array[] = [];
    for await (const piece of encryptContent(P, [pdf])) pieces.push(piece);
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.length;
    }
    return await toBase64(out);
  } finally {
    P.fill(0);
  }
}
