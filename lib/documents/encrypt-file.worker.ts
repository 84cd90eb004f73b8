/**
 * Encrypts a file off the main thread (a 50 MB file must not freeze the page): reads it in slices,
 * runs them through the content stream (secretstream chunks under the document key) and posts the
 * ciphertext pieces back, transferred rather than copied, with progress as it goes.
 */
import { createContentEncryptor } from "../crypto/content-stream";

export type EncryptRequest = { file: Blob; documentKey: Uint8Array };
export type EncryptMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "chunk"; bytes: Uint8Array }
  | { type: "done" }
  | { type: "error"; message: string };

const SLICE = 1024 * 1024;
const post = (message: EncryptMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<EncryptRequest>) => {
  const { file, documentKey } = event.data;
  try {
    const encryptor = await createContentEncryptor(documentKey);
    documentKey.fill(0); // the encryptor holds its own subkey
    const send = (pieces: Uint8Array[]) => {
      for (const bytes of pieces) post({ type: "chunk", bytes }, [bytes.buffer]);
    };
    for (let at = 0; at < file.size; at += SLICE) {
      const plain = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
      send(encryptor.write(plain));
      plain.fill(0);
      post({ type: "progress", done: Math.min(at + SLICE, file.size), total: file.size });
    }
    send(encryptor.end());
    post({ type: "done" });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : "The file could not be encrypted." });
  }
};
