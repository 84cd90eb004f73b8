import { randomFillSync } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decryptContent, decryptionTransform, encryptContent, encryptionTransform } from "@/lib/crypto/content-stream";
import { newDocumentKey } from "@/lib/crypto/document-key";

const CHUNK = 4096;
const HEADER = 32;
const CIPHER_CHUNK = CHUNK + 17;

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

/** Test data; node:crypto because libsodium.js's randombytes is slow for large buffers. */
async function random(n: number) {
  return randomFillSync(new Uint8Array(n));
}

/** Splits bytes into uneven pieces, as a network or a file reader would deliver them. */
function* pieces(bytes: Uint8Array, sizes = [1, 7, 1000, 5000, 3]) {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield bytes.subarray(offset, offset + n);
    offset += n;
  }
}

async function encrypt(key: Uint8Array, plain: Uint8Array) {
  return collect(encryptContent(key, pieces(plain), { chunkSize: CHUNK }));
}

describe("content stream", () => {
  it("round-trips sizes around chunk boundaries, fed in uneven pieces", async () => {
    const key = await newDocumentKey();
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 123]) {
      const plain = await random(size);
      const cipher = await encrypt(key, plain);
      const chunks = Math.max(1, Math.ceil(size / CHUNK));
      expect(cipher.length).toBe(HEADER + size + 17 * chunks);
      expect(await collect(decryptContent(key, pieces(cipher, [13, 4096, 9000])))).toEqual(Buffer.from(plain));
    }
  });

  it("starts with the format marker and version byte, then the chunk size", async () => {
    const cipher = await encrypt(await newDocumentKey(), new Uint8Array(10));
    expect(Buffer.from(cipher.subarray(0, 3)).toString()).toBe("FXP");
    expect(cipher[3]).toBe(1);
    expect(new DataView(cipher.buffer, cipher.byteOffset).getUint32(4)).toBe(CHUNK);
  });

  it("emits ciphertext while the input is still arriving (no whole-file buffering)", async () => {
    const key = await newDocumentKey();
    let produced = 0;
    let outputBeforeInputEnded = 0;
    async function* slowSource() {
      for (let i = 0; i < 20; i++) {
        produced++;
        yield new Uint8Array(CHUNK);
      }
    }
    let seen = 0;
    for await (const out of encryptContent(key, slowSource(), { chunkSize: CHUNK })) {
      seen += out.length;
      if (produced < 20) outputBeforeInputEnded = seen;
    }
    expect(outputBeforeInputEnded).toBeGreaterThan(CHUNK);
  });

  it("a wrong key fails with a clear message", async () => {
    const cipher = await encrypt(await newDocumentKey(), await random(10_000));
    await expect(collect(decryptContent(await newDocumentKey(), [cipher]))).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
      message: "This document could not be decrypted: wrong key, or the file was altered.",
    });
  });

  it("a flipped bit anywhere (header, first chunk, last chunk) is detected", async () => {
    const key = await newDocumentKey();
    const cipher = await encrypt(key, await random(3 * CHUNK + 10));
    for (const at of [5, HEADER + 2, HEADER + 20, cipher.length - 1, HEADER + CIPHER_CHUNK + 100]) {
      const changed = cipher.slice();
      changed[at]! ^= 0x01;
      await expect(collect(decryptContent(key, [changed])), `byte ${at}`).rejects.toMatchObject({
        reason: "wrong-key-or-tampered",
      });
    }
  });

  it("an unknown version or a foreign file is refused as a format problem", async () => {
    const key = await newDocumentKey();
    const cipher = await encrypt(key, await random(100));
    const v2 = cipher.slice();
    v2[3] = 2;
    await expect(collect(decryptContent(key, [v2]))).rejects.toThrow(/format 2 is not supported/);
    const pdf = new TextEncoder().encode("%PDF-1.7 this is plaintext, not our envelope at all");
    await expect(collect(decryptContent(key, [pdf]))).rejects.toMatchObject({ reason: "bad-format" });
  });

  it("swapped chunks are detected", async () => {
    const key = await newDocumentKey();
    const cipher = await encrypt(key, await random(3 * CHUNK + 10));
    const a = cipher.slice(HEADER, HEADER + CIPHER_CHUNK);
    const b = cipher.slice(HEADER + CIPHER_CHUNK, HEADER + 2 * CIPHER_CHUNK);
    const swapped = cipher.slice();
    swapped.set(b, HEADER);
    swapped.set(a, HEADER + CIPHER_CHUNK);
    await expect(collect(decryptContent(key, [swapped]))).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
    const dropped = Buffer.concat([cipher.subarray(0, HEADER), cipher.subarray(HEADER + CIPHER_CHUNK)]);
    await expect(collect(decryptContent(key, [dropped]))).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
  });

  it("a file cut at a chunk boundary, cut mid-chunk, or cut in the header is not accepted as complete", async () => {
    const key = await newDocumentKey();
    const cipher = await encrypt(key, await random(3 * CHUNK + 10));
    const atBoundary = cipher.subarray(0, HEADER + 3 * CIPHER_CHUNK);
    await expect(collect(decryptContent(key, [atBoundary]))).rejects.toMatchObject({
      reason: "truncated",
      message: "This document is incomplete: the encrypted file was cut short.",
    });
    await expect(collect(decryptContent(key, [cipher.subarray(0, cipher.length - 5)]))).rejects.toBeDefined();
    await expect(collect(decryptContent(key, [cipher.subarray(0, HEADER + 10)]))).rejects.toMatchObject({
      reason: "truncated",
    });
    await expect(collect(decryptContent(key, [cipher.subarray(0, 20)]))).rejects.toMatchObject({ reason: "truncated" });
    await expect(collect(decryptContent(key, []))).rejects.toMatchObject({ reason: "truncated" });
  });

  it("bytes appended after the final chunk are refused", async () => {
    const key = await newDocumentKey();
    // A short last chunk absorbs the extra bytes (chunk ends are implied), so it fails authentication;
    // after a full-size last chunk the extra bytes are seen as data past the end.
    for (const [size, reason] of [
      [10, "wrong-key-or-tampered"],
      [CHUNK, "trailing-data"],
    ] as const) {
      const cipher = await encrypt(key, await random(size));
      const extended = Buffer.concat([cipher, Buffer.from("extra")]);
      await expect(collect(decryptContent(key, [extended]))).rejects.toMatchObject({ reason });
    }
  });

  it("works through Web Streams and from a Node Readable", async () => {
    const key = await newDocumentKey();
    const plain = await random(5 * CHUNK + 77);
    const cipherStream = new Blob([plain.slice().buffer as ArrayBuffer])
      .stream()
      .pipeThrough(await encryptionTransform(key, { chunkSize: CHUNK }));
    const roundTrip = await new Response(cipherStream.pipeThrough(await decryptionTransform(key))).arrayBuffer();
    expect(new Uint8Array(roundTrip)).toEqual(plain);

    const cipher = await collect(encryptContent(key, Readable.from([Buffer.from(plain)]), { chunkSize: CHUNK }));
    expect(await collect(decryptContent(key, Readable.from([cipher])))).toEqual(Buffer.from(plain));
  });

  it("refuses an unreasonable chunk size", async () => {
    const key = await newDocumentKey();
    await expect(collect(encryptContent(key, [], { chunkSize: 10 }))).rejects.toThrow(/Chunk size/);
  });
});
