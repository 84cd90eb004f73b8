/**
 * Document content, encrypted as a stream so a 50 MB fax never sits whole in memory.
 *
 * Format (version 1):
 *   "FXP" ‖ version (1) ‖ chunk size (u32 big-endian) ‖ secretstream header (24)
 *   then chunks of crypto_secretstream_xchacha20poly1305: every chunk but the last holds exactly
 *   `chunk size` plaintext bytes (so chunk boundaries are implied, no length fields); the last is
 *   shorter or equal and carries TAG_FINAL.
 * The first 8 header bytes are the first chunk's additional data, so a changed version or chunk size is
 * caught. secretstream's own state catches reordered, repeated or dropped chunks; a missing FINAL chunk
 * means the file was cut short; bytes after it mean something was appended.
 * The stream key is a subkey of the document key K (see document-key.ts); the gateway, which is never
 * given K, gets that stream key alone for the one original it converts (see gateway-grant.ts).
 */
import { CryptoError } from "./crypto-error";
import { CONTENT_SUBKEY_ID, documentSubkey } from "./document-key";
import { loadSodium, type Sodium } from "./sodium";

const MAGIC = [0x46, 0x58, 0x50]; // "FXP"
export const CONTENT_FORMAT_VERSION = 1;
const PREFIX_BYTES = 8;
const HEADER_BYTES = PREFIX_BYTES + 24; // + crypto_secretstream_xchacha20poly1305_HEADERBYTES
const ABYTES = 17; // crypto_secretstream_xchacha20poly1305_ABYTES
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
const MIN_CHUNK_SIZE = 1024;
const MAX_CHUNK_SIZE = 8 * 1024 * 1024; // a hostile header must not make us allocate gigabytes

const damaged = () =>
  new CryptoError("wrong-key-or-tampered", "This document could not be decrypted: wrong key, or the file was altered.");
const truncated = () => new CryptoError("truncated", "This document is incomplete: the encrypted file was cut short.");

type State = ReturnType<Sodium["crypto_secretstream_xchacha20poly1305_init_pull"]>;

/** Push-style encryptor: feed plaintext with write(), finish with end(); each returns ciphertext pieces. */
export type ContentEncryptor = { write(plain: Uint8Array): Uint8Array[]; end(): Uint8Array[] };
export type ContentDecryptor = { write(cipher: Uint8Array): Uint8Array[]; end(): Uint8Array[] };

/** The secretstream key of a document key's content (what the gateway gets to open one original). */
export function contentStreamKey(documentKey: Uint8Array): Promise<Uint8Array> {
  return documentSubkey(documentKey, CONTENT_SUBKEY_ID);
}

/** `streamKey` is given already derived (contentStreamKey), not a document key; it is zeroed. */
type KeyInput = { documentKey: Uint8Array } | { streamKey: Uint8Array };
const streamKeyOf = async (input: KeyInput) =>
  "streamKey" in input ? input.streamKey.slice() : contentStreamKey(input.documentKey);

export async function createContentEncryptor(
  documentKey: Uint8Array | KeyInput,
  options: { chunkSize?: number } = {},
): Promise<ContentEncryptor> {
  const sodium = await loadSodium();
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new CryptoError("bad-input", `Chunk size must be between ${MIN_CHUNK_SIZE} and ${MAX_CHUNK_SIZE} bytes.`);
  }
  const key = await streamKeyOf(documentKey instanceof Uint8Array ? { documentKey } : documentKey);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  sodium.memzero(key);
  const prefix = new Uint8Array(PREFIX_BYTES);
  prefix.set(MAGIC, 0);
  prefix[3] = CONTENT_FORMAT_VERSION;
  new DataView(prefix.buffer).setUint32(4, chunkSize);
  const fileHeader = new Uint8Array(HEADER_BYTES);
  fileHeader.set(prefix, 0);
  fileHeader.set(header, PREFIX_BYTES);

  const buffer = new Uint8Array(chunkSize);
  let fill = 0;
  let headerSent = false;
  let first = true;
  let ended = false;
  const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

  const seal = (plain: Uint8Array, tag: number) => {
    const out = sodium.crypto_secretstream_xchacha20poly1305_push(state, plain, first ? prefix : null, tag);
    first = false;
    return out;
  };
  const start = (out: Uint8Array[]) => {
    if (!headerSent) {
      out.push(fileHeader);
      headerSent = true;
    }
  };

  return {
    write(plain) {
      if (ended) throw new CryptoError("bad-input", "Cannot write after end().");
      const out: Uint8Array[] = [];
      start(out);
      let offset = 0;
      while (offset < plain.length) {
        // A full chunk is only sealed once more data arrives: until then it may be the FINAL one.
        if (fill === chunkSize) {
          out.push(seal(buffer, TAG_MESSAGE));
          fill = 0;
        }
        const n = Math.min(chunkSize - fill, plain.length - offset);
        buffer.set(plain.subarray(offset, offset + n), fill);
        fill += n;
        offset += n;
      }
      return out;
    },
    end() {
      if (ended) return [];
      ended = true;
      const out: Uint8Array[] = [];
      start(out);
      out.push(seal(buffer.subarray(0, fill), TAG_FINAL));
      sodium.memzero(buffer);
      return out;
    },
  };
}

export async function createContentDecryptor(documentKey: Uint8Array | KeyInput): Promise<ContentDecryptor> {
  const sodium = await loadSodium();
  const key = await streamKeyOf(documentKey instanceof Uint8Array ? { documentKey } : documentKey);
  const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  const head = new Uint8Array(HEADER_BYTES);
  let headFill = 0;
  let prefix: Uint8Array | undefined;
  let state: State | undefined;
  let stage = new Uint8Array(0); // one ciphertext chunk, allocated once the chunk size is known
  let fill = 0;
  let first = true;
  let finished = false;
  let ended = false;

  const open = (cipher: Uint8Array): Uint8Array => {
    let result: { message: Uint8Array; tag: number } | false;
    try {
      result = sodium.crypto_secretstream_xchacha20poly1305_pull(state!, cipher, first ? prefix! : null);
    } catch {
      result = false;
    }
    if (!result) throw damaged();
    first = false;
    if (result.tag === TAG_FINAL) finished = true;
    return result.message;
  };

  const readHeader = () => {
    prefix = head.slice(0, PREFIX_BYTES);
    if (prefix[0] !== MAGIC[0] || prefix[1] !== MAGIC[1] || prefix[2] !== MAGIC[2]) {
      throw new CryptoError("bad-format", "This is not an encrypted Faxport document.");
    }
    if (prefix[3] !== CONTENT_FORMAT_VERSION) {
      throw new CryptoError("bad-format", `Encrypted document format ${prefix[3]} is not supported by this version.`);
    }
    const chunkSize = new DataView(prefix.buffer).getUint32(4);
    if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) throw damaged();
    try {
      state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(head.subarray(PREFIX_BYTES), key);
    } catch {
      throw damaged();
    } finally {
      sodium.memzero(key);
    }
    stage = new Uint8Array(chunkSize + ABYTES);
  };

  return {
    write(cipher) {
      if (ended) throw new CryptoError("bad-input", "Cannot write after end().");
      const out: Uint8Array[] = [];
      let offset = 0;
      if (!state) {
        const n = Math.min(HEADER_BYTES - headFill, cipher.length);
        head.set(cipher.subarray(0, n), headFill);
        headFill += n;
        offset = n;
        if (headFill < HEADER_BYTES) return out;
        readHeader();
      }
      while (offset < cipher.length) {
        if (finished) throw new CryptoError("trailing-data", "This document has unexpected data after its end.");
        const n = Math.min(stage.length - fill, cipher.length - offset);
        if (fill === 0 && n === stage.length) {
          out.push(open(cipher.subarray(offset, offset + n))); // whole chunk in place: no copy
        } else {
          stage.set(cipher.subarray(offset, offset + n), fill);
          fill += n;
          if (fill === stage.length) {
            out.push(open(stage));
            fill = 0;
          }
        }
        offset += n;
      }
      return out;
    },
    end() {
      if (ended) return [];
      ended = true;
      if (!state) throw truncated();
      const out: Uint8Array[] = [];
      if (fill > 0) {
        if (finished) throw new CryptoError("trailing-data", "This document has unexpected data after its end.");
        if (fill < ABYTES) throw truncated();
        out.push(open(stage.subarray(0, fill)));
      }
      if (!finished) throw truncated();
      return out;
    },
  };
}

async function* drive(
  machine: ContentEncryptor | ContentDecryptor,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  for await (const piece of source) yield* machine.write(piece);
  yield* machine.end();
}

/** Encrypts an async iterable of plaintext (a Node Readable, a Web ReadableStream, a generator). */
export async function* encryptContent(
  documentKey: Uint8Array | KeyInput,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: { chunkSize?: number } = {},
): AsyncGenerator<Uint8Array> {
  yield* drive(await createContentEncryptor(documentKey, options), source);
}

/** Decrypts; throws CryptoError on a wrong key, altered, reordered, truncated or extended file. */
export async function* decryptContent(
  documentKey: Uint8Array | KeyInput,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* drive(await createContentDecryptor(documentKey), source);
}

function toTransform(machine: ContentEncryptor | ContentDecryptor): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(piece, controller) {
      for (const out of machine.write(piece)) controller.enqueue(out);
    },
    flush(controller) {
      for (const out of machine.end()) controller.enqueue(out);
    },
  });
}

/** Web Streams form, for `file.stream().pipeThrough(await encryptionTransform(K))` in the browser. */
export async function encryptionTransform(documentKey: Uint8Array, options: { chunkSize?: number } = {}) {
  return toTransform(await createContentEncryptor(documentKey, options));
}

export async function decryptionTransform(documentKey: Uint8Array) {
  return toTransform(await createContentDecryptor(documentKey));
}
