/** Limits of the document library, shown in the upload form and enforced by the server and the converter. */
const MB = 1024 * 1024;

/** The largest original a person may upload (plaintext bytes). */
export const MAX_DOCUMENT_BYTES = 50 * MB;
/** The most pages a document may have once converted (a fax of more is refused as invalid). */
export const MAX_DOCUMENT_PAGES = 200;
/**
 * What the ciphertext of MAX_DOCUMENT_BYTES may grow to: the content stream adds a header and 17
 * bytes per 64 KiB chunk (lib/crypto/content-stream.ts); 1 % covers it with room to spare.
 */
export const MAX_DOCUMENT_CIPHER_BYTES = Math.ceil(MAX_DOCUMENT_BYTES * 1.01) + 4096;
