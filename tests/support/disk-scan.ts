/**
 * What whoever holds the disks could try (DESIGN.md, attacker 2): read every file — PostgreSQL's WAL
 * and table files, the object store, the gateway's key directory — take every gateway key found there,
 * and open every gateway grant the files still hold, live row or dead row version alike.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  fromBase64,
  GATEWAY_GRANT_VERSION,
  type GatewayKeys,
  type GatewayPurpose,
  gatewayGrantBytes,
  type KeyPair,
  loadSodium,
  openGatewayGrant,
} from "@/lib/crypto";
import { filesUnder } from "./canary";

/** Files under `dirs` changed since `since` (what a test wrote; older WAL segments hold nothing of it). */
export function filesChangedSince(dirs: string[], since: number): string[] {
  return dirs.flatMap(filesUnder).filter((f) => {
    try {
      return statSync(f).mtimeMs >= since;
    } catch {
      return false; // removed while listing (a recycled WAL segment)
    }
  });
}

/** The gateway keys a thief finds in the key directory: hex id → key pair. */
export async function keysOnDisk(keyDir: string): Promise<Map<string, KeyPair>> {
  const sodium = await loadSodium();
  const found = new Map<string, KeyPair>();
  let names: string[] = [];
  try {
    names = readdirSync(keyDir);
  } catch {
    return found;
  }
  for (const name of names.filter((n) => n.endsWith(".key"))) {
    const privateKey = await fromBase64(readFileSync(path.join(keyDir, name), "utf8").trim());
    found.set(name.slice(0, -4), { privateKey, publicKey: sodium.crypto_scalarmult_base(privateKey) });
  }
  return found;
}

export type OpenedGrant = { file: string; offset: number; purpose: GatewayPurpose; keys: GatewayKeys };

/** Every grant in `files` that one of `keys` opens. */
export async function openGrantsIn(files: string[], keys: Map<string, KeyPair>): Promise<OpenedGrant[]> {
  const opened: OpenedGrant[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const [id, pair] of keys) {
      const needle = Buffer.concat([Buffer.from([GATEWAY_GRANT_VERSION]), Buffer.from(id, "hex")]);
      for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
        for (const purpose of ["send", "convert"] as const) {
          const blob = bytes.subarray(at, at + gatewayGrantBytes(purpose));
          if (blob.length !== gatewayGrantBytes(purpose)) continue;
          try {
            const keysOpened = await openGatewayGrant(new Uint8Array(blob), purpose, async () => pair);
            opened.push({ file, offset: at, purpose, keys: keysOpened });
          } catch {
            // not a grant of this purpose, or not this key's
          }
        }
      }
    }
  }
  return opened;
}

/** Files in which any of `needles` occurs. */
export function filesContaining(files: string[], needles: Buffer[]): string[] {
  return files.filter((file) => {
    try {
      const bytes = readFileSync(file);
      return needles.some((n) => bytes.includes(n));
    } catch {
      return false;
    }
  });
}
