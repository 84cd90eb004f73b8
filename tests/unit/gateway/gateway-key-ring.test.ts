/**
 * The gateway's rotating keys: a new key each window, grants refused once their key is retired, and a
 * key destroyed only when no unfinished job holds it — after which its grants open for nobody.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newDocumentKey, openGatewayGrant, pagesKey, sealGatewayGrant } from "@/lib/crypto";
import { GatewayKeyRing } from "@/server/gateway/gateway-key-ring";

const MINUTE = 60_000;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function ring() {
  const dir = mkdtempSync(path.join(tmpdir(), "faxport-ring-test-"));
  dirs.push(dir);
  let now = Date.UTC(2026, 11, 6, 12, 0, 0);
  const keys = new GatewayKeyRing({
    dir,
    now: () => new Date(now),
    timing: { rotateMs: 10 * MINUTE, acceptMs: 10 * MINUTE, maxLifeMs: 24 * 60 * MINUTE },
  });
  return { keys, dir, advance: (ms: number) => (now += ms) };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("gateway key ring", () => {
  it("hands out one key per window and a new one after it, each in its own 0600 file", async () => {
    const { keys, dir, advance } = ring();
    const first = await keys.current();
    expect(hex((await keys.current()).keyId)).toBe(hex(first.keyId));
    advance(10 * MINUTE);
    const second = await keys.current();
    expect(hex(second.keyId)).not.toBe(hex(first.keyId));
    expect(readdirSync(dir).sort()).toEqual([`${hex(first.keyId)}.key`, `${hex(second.keyId)}.key`]);
  });

  it("opens a send grant with the key it was sealed to: the pages key, never the document key", async () => {
    const { keys } = ring();
    const K = await newDocumentKey();
    const grant = await sealGatewayGrant(K, "send", await keys.current());
    const opened = await openGatewayGrant(grant, "send", (id) => keys.open(id));
    expect(hex(opened.pagesKey)).toBe(hex(await pagesKey(K)));
    expect(hex(opened.pagesKey)).not.toBe(hex(K));
    expect(opened.originalStreamKey).toBeNull();
    await expect(openGatewayGrant(grant, "convert", (id) => keys.open(id))).rejects.toThrow(/not in a format/);
  });

  it("stops accepting a key for new jobs once retired, and destroys it only when no job holds it", async () => {
    const { keys, dir, advance } = ring();
    const K = await newDocumentKey();
    const old = await keys.current();
    const grant = await sealGatewayGrant(K, "send", old);
    expect(keys.accepts(old.keyId)).toBe(true);
    advance(19 * MINUTE);
    expect(keys.accepts(old.keyId)).toBe(true); // a page opened before the rotation may still send
    advance(2 * MINUTE);
    expect(keys.accepts(old.keyId)).toBe(false);
    await keys.current();

    // A job still waiting to retry holds a grant sealed to it: the key stays.
    expect(keys.destroyUnused(new Set([hex(old.keyId)]))).toEqual([]);
    expect((await openGatewayGrant(grant, "send", (id) => keys.open(id))).pagesKey).toHaveLength(32);

    // The job ended: the key goes, file and all, and the grant opens for nobody any more.
    expect(keys.destroyUnused(new Set())).toEqual([hex(old.keyId)]);
    expect(existsSync(path.join(dir, `${hex(old.keyId)}.key`))).toBe(false);
    await expect(openGatewayGrant(grant, "send", (id) => keys.open(id))).rejects.toThrow(/no longer exists/);
    // A fresh ring on the same directory (a restart) cannot open it either.
    const restarted = new GatewayKeyRing({ dir });
    await expect(openGatewayGrant(grant, "send", (id) => restarted.open(id))).rejects.toThrow(/no longer exists/);
  });

  it("keeps the current key, and destroys any key past its maximum life even if a job still holds it", async () => {
    const { keys, advance } = ring();
    const current = await keys.current();
    expect(keys.destroyUnused(new Set())).toEqual([]);
    advance(24 * 60 * MINUTE);
    expect(keys.destroyUnused(new Set([hex(current.keyId)]))).toEqual([hex(current.keyId)]);
  });
});

describe("gateway key ring shared by processes", () => {
  it("forgets a key another process destroyed, even one it had in memory", async () => {
    const { keys, dir, advance } = ring();
    const other = new GatewayKeyRing({ dir, now: () => new Date(Date.UTC(2026, 11, 6, 13, 0, 0)) });
    const K = await newDocumentKey();
    const grant = await sealGatewayGrant(K, "send", await keys.current());
    expect((await openGatewayGrant(grant, "send", (id) => keys.open(id))).pagesKey).toHaveLength(32);
    advance(60 * MINUTE);
    expect(other.destroyUnused(new Set())).toHaveLength(1);
    await expect(openGatewayGrant(grant, "send", (id) => keys.open(id))).rejects.toThrow(/no longer exists/);
  });
});
