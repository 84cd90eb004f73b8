/**
 * Where document ciphertext lives: one interface, two drivers (local files under .data/, or an
 * S3-compatible bucket). Bodies stream in and out, never whole in memory. A write is atomic: a
 * reader sees the old object or the complete new one, never half of one, even after a crash.
 */
import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  size: number;
  modifiedAt: Date;
}

export interface ObjectStorage {
  /** Stores `body` under `key`, replacing any object there once the body is complete. */
  put(key: string, body: Readable | AsyncIterable<Uint8Array>): Promise<{ size: number }>;
  /** The object's bytes; a StorageNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (for retention clean-up), in key order. */
  list(prefix?: string): AsyncIterable<StoredObject>;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object "${key}".`);
    this.name = "StorageNotFoundError";
  }
}

/** Keys are relative paths of safe characters: no "..", no leading "/", nothing hidden. */
export function checkObjectKey(key: string): string {
  const ok =
    /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) &&
    key.length <= 512 &&
    !key.split("/").some((part) => part === "." || part === "..");
  if (!ok) throw new Error(`Not a valid storage key: "${key}"`);
  return key;
}
