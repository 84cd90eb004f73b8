/**
 * The trunk gateway's own X25519 key pair (DESIGN.md, "Documents nobody else can read"): browsers
 * seal a document key to its public key for one job; only the gateway can open it. The private key
 * lives outside the database: `FAXPORT_GATEWAY_SECRET_KEY` (32 bytes, base64url), or a file
 * `<FAXPORT_DATA_DIR>/gateway-key` (mode 0600) created on first use.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromBase64, type KeyPair, loadSodium, toBase64 } from "@/lib/crypto";

let cached: Promise<KeyPair> | null = null;

export function gatewayKeyPair(environment: NodeJS.ProcessEnv = process.env): Promise<KeyPair> {
  cached ??= loadKeyPair(environment);
  return cached;
}

/** The public half, for the browser to seal to. */
export async function gatewayPublicKey(): Promise<string> {
  return toBase64((await gatewayKeyPair()).publicKey);
}

async function loadKeyPair(environment: NodeJS.ProcessEnv): Promise<KeyPair> {
  const sodium = await loadSodium();
  let privateKey: Uint8Array;
  if (environment.FAXPORT_GATEWAY_SECRET_KEY) {
    privateKey = await fromBase64(environment.FAXPORT_GATEWAY_SECRET_KEY.trim());
  } else {
    const file = path.resolve(environment.FAXPORT_DATA_DIR ?? ".data", "gateway-key");
    try {
      privateKey = await fromBase64(readFileSync(file, "utf8").trim());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      privateKey = sodium.crypto_box_keypair().privateKey;
      mkdirSync(path.dirname(file), { recursive: true });
      // wx: two processes starting at once never overwrite each other's key.
      try {
        writeFileSync(file, `${await toBase64(privateKey)}\n`, { mode: 0o600, flag: "wx" });
      } catch (raced) {
        if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
        privateKey = await fromBase64(readFileSync(file, "utf8").trim());
      }
    }
  }
  if (privateKey.length !== sodium.crypto_box_SECRETKEYBYTES) {
    throw new Error("The gateway's secret key must be 32 bytes (base64url)");
  }
  return { privateKey, publicKey: sodium.crypto_scalarmult_base(privateKey) };
}
