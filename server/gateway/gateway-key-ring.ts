/**
 * The trunk gateway's keys (DESIGN.md, "Documents nobody else can read"; README, trust table).
 * Browsers seal a job's keys (lib/crypto/gateway-grant.ts) to the gateway's *current* X25519 key;
 * a new key is made every `rotateMs`, so each key opens only the jobs sealed during its window.
 * A key is destroyed — its file overwritten with zeros, synced, removed — once its window (plus
 * `acceptMs` for pages still open) has passed and no unfinished job still holds a grant sealed to it
 * (destroy-retired-gateway-keys.ts), or at the latest after `maxLifeMs`. From then on every copy of
 * those grants, in rows, WAL or backups, is noise: "set to NULL" alone would not erase them.
 *
 * Private keys live only in files under the key directory (mode 0700), never in the database:
 * `FAXPORT_GATEWAY_KEY_DIR`, default `<FAXPORT_DATA_DIR>/gateway-keys`. File name: the key id in hex
 * (8 bytes of creation time in ms, 8 random bytes), so age needs no lookup and ids never collide
 * between processes sharing the directory.
 */

import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { fromBase64, GATEWAY_KEY_ID_BYTES, type KeyPair, loadSodium, toBase64 } from "@/lib/crypto";

export const GATEWAY_KEY_TIMING = {
  /** A new key for new jobs this often. */
  rotateMs: 10 * 60_000,
  /** A key is still accepted for new jobs this long after the next one took over (pages left open). */
  acceptMs: 10 * 60_000,
  /** No key outlives this, whatever still holds it: such a job fails and is sent again. */
  maxLifeMs: 7 * 24 * 3_600_000,
};

export type GatewayKeyTiming = typeof GATEWAY_KEY_TIMING;
export type GatewayPublicKeyText = { keyId: string; publicKey: string };

const ID_HEX = /^[0-9a-f]{32}$/;

export class GatewayKeyRing {
  readonly dir: string;
  private readonly now: () => Date;
  private readonly timing: GatewayKeyTiming;
  private readonly pairs = new Map<string, KeyPair>();

  constructor(options: { dir: string; now?: () => Date; timing?: Partial<GatewayKeyTiming> }) {
    this.dir = path.resolve(options.dir);
    this.now = options.now ?? (() => new Date());
    this.timing = { ...GATEWAY_KEY_TIMING, ...options.timing };
  }

  /** The key new jobs are sealed to (made when the newest one's window has passed). */
  async current(): Promise<{ keyId: Uint8Array; publicKey: Uint8Array }> {
    const now = this.now().getTime();
    const newest = this.ids().at(-1);
    if (newest && now - createdAt(newest) < this.timing.rotateMs && now >= createdAt(newest)) {
      const pair = await this.pair(newest);
      if (pair) return { keyId: Buffer.from(newest, "hex"), publicKey: pair.publicKey };
    }
    return this.create(now);
  }

  async currentText(): Promise<GatewayPublicKeyText> {
    const { keyId, publicKey } = await this.current();
    return { keyId: await toBase64(keyId), publicKey: await toBase64(publicKey) };
  }

  /** Whether a new job may still be sealed to this key (its file exists and it is not retired). */
  accepts(keyId: Uint8Array): boolean {
    const id = Buffer.from(keyId).toString("hex");
    if (!ID_HEX.test(id) || !this.ids().includes(id)) return false;
    return !this.retired(id, this.now().getTime());
  }

  /** The key pair for an id, or null once destroyed. */
  async open(keyId: Uint8Array): Promise<KeyPair | null> {
    const id = Buffer.from(keyId).toString("hex");
    return ID_HEX.test(id) ? this.pair(id) : null;
  }

  /**
   * Destroys every retired key that no unfinished job holds (`inUse`: hex ids), and every key past its
   * maximum life. Returns the ids destroyed.
   */
  destroyUnused(inUse: ReadonlySet<string>): string[] {
    const now = this.now().getTime();
    const destroyed: string[] = [];
    for (const id of this.ids()) {
      const expired = now - createdAt(id) >= this.timing.maxLifeMs;
      // A minute past retirement: a job accepted just before it has committed its row by then.
      if (expired || (this.retired(id, now - 60_000) && !inUse.has(id))) {
        this.destroy(id);
        destroyed.push(id);
      }
    }
    return destroyed;
  }

  /** Ids of the keys on disk, oldest first. */
  ids(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .filter((n) => n.endsWith(".key") && ID_HEX.test(n.slice(0, -4)))
      .map((n) => n.slice(0, -4))
      .sort();
  }

  private retired(id: string, now: number) {
    // Retired once a newer key has been current for acceptMs, i.e. rotate + accept after creation.
    return now - createdAt(id) >= this.timing.rotateMs + this.timing.acceptMs;
  }

  private file(id: string) {
    return path.join(this.dir, `${id}.key`);
  }

  private async pair(id: string): Promise<KeyPair | null> {
    const known = this.pairs.get(id);
    // Another process may have destroyed it: a key whose file is gone is forgotten here too.
    if (known && existsSync(this.file(id))) return known;
    if (known) {
      known.privateKey.fill(0);
      this.pairs.delete(id);
      return null;
    }
    let text: string;
    try {
      text = readFileSync(this.file(id), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    const sodium = await loadSodium();
    const privateKey = await fromBase64(text.trim());
    if (privateKey.length !== sodium.crypto_box_SECRETKEYBYTES) throw new Error(`Gateway key ${id} is damaged`);
    const pair = { privateKey, publicKey: sodium.crypto_scalarmult_base(privateKey) };
    this.pairs.set(id, pair);
    return pair;
  }

  private async create(now: number) {
    const sodium = await loadSodium();
    const keyId = Buffer.alloc(GATEWAY_KEY_ID_BYTES);
    keyId.writeBigUInt64BE(BigInt(now), 0);
    randomBytes(8).copy(keyId, 8);
    const id = keyId.toString("hex");
    const { privateKey, publicKey } = sodium.crypto_box_keypair();
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // wx: a random id never meets another file; a collision would be a bug worth failing on.
    writeFileSync(this.file(id), `${await toBase64(privateKey)}\n`, { mode: 0o600, flag: "wx" });
    syncDir(this.dir);
    this.pairs.set(id, { privateKey, publicKey });
    return { keyId: new Uint8Array(keyId), publicKey };
  }

  private destroy(id: string) {
    this.pairs.get(id)?.privateKey.fill(0);
    this.pairs.delete(id);
    overwriteAndRemove(this.file(id));
    syncDir(this.dir);
  }
}

/** Zeros over the key's bytes, synced, before the name goes: an unlinked file's blocks keep their data. */
export function overwriteAndRemove(file: string) {
  let fd: number;
  try {
    fd = openSync(file, "r+");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    const size = Math.max(64, readFileSync(file).length);
    writeSync(fd, Buffer.alloc(size), 0, size, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  rmSync(file, { force: true });
}

function syncDir(dir: string) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function createdAt(id: string): number {
  return Number(Buffer.from(id, "hex").readBigUInt64BE(0));
}

/** The ring of this installation, from the environment. */
export function gatewayKeyRingFromEnv(environment: NodeJS.ProcessEnv = process.env): GatewayKeyRing {
  // The data directory is chosen at run time: the ignore comments keep Next's file tracing from
  // copying the whole project into the build for these paths.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ environment.FAXPORT_DATA_DIR ?? ".data");
  const dir = environment.FAXPORT_GATEWAY_KEY_DIR ?? path.join(/*turbopackIgnore: true*/ dataDir, "gateway-keys");
  // Before key rotation there was one lasting key: whatever it sealed is dead from now on.
  overwriteAndRemove(path.join(/*turbopackIgnore: true*/ dataDir, "gateway-key"));
  return new GatewayKeyRing({ dir });
}
