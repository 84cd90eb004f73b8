/**
 * Uploading a document, in the browser: make its key K, encrypt the name, seal K to the owner and
 * the organisation, seal the conversion's keys (never K) to the gateway, create the document, encrypt the file in
 * a worker and PUT the ciphertext with progress. Cancel stops the worker or the upload and deletes
 * the half-made document. The server never sees the name, the content or K.
 */
import { encryptName, newDocumentKey, sealDocumentKey } from "../crypto/document-key";
import { fromBase64, toBase64 } from "../crypto/encoding";
import { loadSodium } from "../crypto/sodium";
import type { KeyPair } from "../crypto/user-keys";
import type { DocumentType } from "./document-types";
import type { EncryptMessage } from "./encrypt-file.worker";
import { type GatewayKeyText, sealGrantWithKey } from "./seal-for-gateway";

export type UploadPhase = { phase: "encrypting" | "uploading"; fraction: number };

export interface UploadDeps {
  me: KeyPair;
  tenantPublicKey: string;
  gateway: GatewayKeyText;
  create: (input: {
    nameCipher: string;
    kind: DocumentType;
    quality: "STANDARD" | "FINE" | "SUPERFINE";
    sizeBytes: number;
    ownerSealedKey: string;
    ownerKeyFor: string;
    tenantSealedKey: string;
    gatewaySealedKey: string;
  }) => Promise<{ id: string; uploadUrl: string }>;
  remove: (id: string) => Promise<unknown>;
}

export class UploadCancelled extends Error {
  constructor() {
    super("The upload was cancelled.");
  }
}

export function uploadDocument(
  input: { file: File; name: string; kind: DocumentType; quality: "STANDARD" | "FINE" | "SUPERFINE" },
  deps: UploadDeps,
  onProgress: (p: UploadPhase) => void,
): { done: Promise<string>; cancel: () => void } {
  let cancelled = false;
  let stop: () => void = () => {};
  let createdId: string | null = null;
  const done = (async () => {
    const K = await newDocumentKey();
    try {
      const created = await deps.create({
        nameCipher: await toBase64(await encryptName(input.name, K)),
        kind: input.kind,
        quality: input.quality,
        sizeBytes: input.file.size,
        ownerSealedKey: await toBase64(await sealDocumentKey(K, deps.me.publicKey)),
        ownerKeyFor: await toBase64(deps.me.publicKey),
        tenantSealedKey: await toBase64(await sealDocumentKey(K, await fromBase64(deps.tenantPublicKey))),
        gatewaySealedKey: await sealGrantWithKey(K, "convert", deps.gateway),
      });
      createdId = created.id;
      if (cancelled) throw new UploadCancelled();
      const cipher = await encryptInWorker(input.file, K.slice(), onProgress, (s) => (stop = s));
      if (cancelled) throw new UploadCancelled();
      await put(created.uploadUrl, cipher, onProgress, (s) => (stop = s));
      return created.id;
    } catch (error) {
      if (createdId) await deps.remove(createdId).catch(() => {});
      throw cancelled ? new UploadCancelled() : error;
    } finally {
      (await loadSodium()).memzero(K);
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      stop();
    },
  };
}

function encryptInWorker(
  file: File,
  documentKey: Uint8Array,
  onProgress: (p: UploadPhase) => void,
  setStop: (stop: () => void) => void,
): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./encrypt-file.worker.ts", import.meta.url), { type: "module" });
    const pieces: BlobPart[] = [];
    setStop(() => {
      worker.terminate();
      reject(new UploadCancelled());
    });
    worker.onmessage = (event: MessageEvent<EncryptMessage>) => {
      const m = event.data;
      if (m.type === "chunk") pieces.push(m.bytes as Uint8Array<ArrayBuffer>);
      else if (m.type === "progress") onProgress({ phase: "encrypting", fraction: m.total ? m.done / m.total : 1 });
      else if (m.type === "done") {
        worker.terminate();
        resolve(new Blob(pieces, { type: "application/octet-stream" }));
      } else {
        worker.terminate();
        reject(new Error(m.message));
      }
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error("The file could not be encrypted in this browser."));
    };
    worker.postMessage({ file, documentKey }, [documentKey.buffer]);
  });
}

function put(url: string, body: Blob, onProgress: (p: UploadPhase) => void, setStop: (stop: () => void) => void) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    setStop(() => xhr.abort());
    xhr.open("PUT", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) =>
      onProgress({ phase: "uploading", fraction: e.lengthComputable ? e.loaded / e.total : 0 });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let message = "The upload failed. Try again.";
      try {
        message = (JSON.parse(xhr.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // not JSON: keep the plain message
      }
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    xhr.onabort = () => reject(new UploadCancelled());
    xhr.send(body);
  });
}
