/**
 * What the envelope costs over bare libsodium: encrypt and decrypt 50 MB with lib/crypto's content stream
 * (fed in 1 MiB reads, as from a file) and with crypto_secretstream_xchacha20poly1305 pushed directly in
 * the same 64 KiB chunks. Same process, alternating rounds, best of each (this machine is noisy).
 * Goal: envelope ≥ 0.5× bare.
 *   npx tsx bench/crypto.ts
 */
import { randomFillSync } from "node:crypto";
import { decryptContent, encryptContent } from "../lib/crypto/content-stream";
import { newDocumentKey } from "../lib/crypto/document-key";
import { loadSodium } from "../lib/crypto/sodium";

const TOTAL = 50 * 1024 * 1024;
const READ = 1024 * 1024;
const CHUNK = 64 * 1024;
const ROUNDS = 3;

async function main() {
  const sodium = await loadSodium();
  const reads: Uint8Array[] = [];
  for (let i = 0; i < TOTAL / READ; i++) reads.push(randomFillSync(new Uint8Array(READ))); // libsodium.js randombytes is slow in bulk
  const documentKey = await newDocumentKey();
  const bareKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
  const TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;

  const timed = async (fn: () => unknown) => {
    const t0 = performance.now();
    await fn();
    return TOTAL / (1024 * 1024) / ((performance.now() - t0) / 1000);
  };

  const envelopeEncrypt = async () => {
    const out: Uint8Array[] = [];
    for await (const piece of encryptContent(documentKey, reads, { chunkSize: CHUNK })) out.push(piece);
    return out;
  };
  const bareEncrypt = () => {
    const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(bareKey);
    const out: Uint8Array[] = [header];
    const last = TOTAL / CHUNK - 1;
    let n = 0;
    for (const read of reads) {
      for (let o = 0; o < read.length; o += CHUNK, n++) {
        const tag = n === last ? TAG_FINAL : TAG_MESSAGE;
        out.push(sodium.crypto_secretstream_xchacha20poly1305_push(state, read.subarray(o, o + CHUNK), null, tag));
      }
    }
    return out;
  };

  const envelopeCipher = await envelopeEncrypt();
  const bareCipher = bareEncrypt();
  const best = { envEnc: 0, bareEnc: 0, envDec: 0, bareDec: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    best.envEnc = Math.max(best.envEnc, await timed(envelopeEncrypt));
    best.bareEnc = Math.max(best.bareEnc, await timed(bareEncrypt));
    best.envDec = Math.max(
      best.envDec,
      await timed(async () => {
        let bytes = 0;
        for await (const piece of decryptContent(documentKey, envelopeCipher)) bytes += piece.length;
        if (bytes !== TOTAL) throw new Error("envelope round trip lost bytes");
      }),
    );
    best.bareDec = Math.max(
      best.bareDec,
      await timed(() => {
        const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(bareCipher[0]!, bareKey);
        let bytes = 0;
        for (let i = 1; i < bareCipher.length; i++) {
          const r = sodium.crypto_secretstream_xchacha20poly1305_pull(state, bareCipher[i]!, null);
          if (!r) throw new Error("bare pull failed");
          bytes += r.message.length;
        }
        if (bytes !== TOTAL) throw new Error("bare round trip lost bytes");
      }),
    );
  }

  const row = (what: string, envelope: number, bare: number) =>
    console.log(
      `${what.padEnd(10)} ${envelope.toFixed(0).padStart(12)} ${bare.toFixed(0).padStart(12)} ${(envelope / bare).toFixed(2).padStart(8)}×`,
    );
  console.log(`50 MB, 64 KiB chunks, best of ${ROUNDS}`);
  console.log(`${"".padEnd(10)} ${"envelope MB/s".padStart(12)} ${"bare MB/s".padStart(12)} ${"ratio".padStart(9)}`);
  row("encrypt", best.envEnc, best.bareEnc);
  row("decrypt", best.envDec, best.bareDec);
  const worst = Math.min(best.envEnc / best.bareEnc, best.envDec / best.bareDec);
  console.log(
    worst >= 0.5 ? `OK: envelope ≥ 0.5× bare (worst ${worst.toFixed(2)}×)` : `BELOW GOAL: ${worst.toFixed(2)}×`,
  );
  if (worst < 0.5) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
