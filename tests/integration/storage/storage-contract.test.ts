/**
 * One contract for every storage driver: local files and S3 (against s3rver, a local S3 server).
 * Streams in and out, atomic replacement, delete, and a listing for retention.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "../../../server/storage/create-storage";
import { createLocalStorage } from "../../../server/storage/local-storage";
import { type ObjectStorage, StorageNotFoundError } from "../../../server/storage/object-storage";

const MiB = 1024 * 1024;

/**
 * A stream of `size` random bytes made on the fly in 64 KiB pieces (the way an upload or an
 * encryptor delivers them), never whole in memory, and the SHA-256 of what it sent.
 */
function generated(size: number) {
  const hash = createHash("sha256");
  const result = { sha256: "" };
  const stream = Readable.from(
    (function* () {
      for (let left = size; left > 0; left -= 64 * 1024) {
        const piece = randomBytes(Math.min(left, 64 * 1024));
        hash.update(piece);
        yield piece;
      }
      result.sha256 = hash.digest("hex");
    })(),
  );
  return { stream, result };
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function text(stream: Readable): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk.toString();
  return out;
}

/** A body that fails part-way, like an upload whose connection dropped. */
function failingBody() {
  return Readable.from(
    (async function* () {
      yield Buffer.from("half of a new ");
      throw new Error("connection reset");
    })(),
  );
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

let localRoot: string;
let s3Dir: string;
let s3: S3rver;
let s3Port: number;

beforeAll(async () => {
  localRoot = await mkdtemp(path.join(tmpdir(), "faxport-local-storage-"));
  s3Dir = await mkdtemp(path.join(tmpdir(), "faxport-s3rver-"));
  s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: "faxport" }],
  });
  s3Port = (await s3.run()).port;
});

afterAll(async () => {
  await s3?.close();
  await rm(localRoot, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

const drivers: [string, () => ObjectStorage][] = [
  ["local files", () => createLocalStorage(localRoot)],
  [
    "S3 (s3rver), configured as the portal is",
    () =>
      createStorage({
        NODE_ENV: "test",
        STORAGE_DRIVER: "s3",
        S3_BUCKET: "faxport",
        S3_PREFIX: "portal/",
        S3_REGION: "us-east-1",
        S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
        S3_FORCE_PATH_STYLE: "true",
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
      }),
  ],
];

describe.each(drivers)("storage contract: %s", (_name, make) => {
  it("streams a 12 MiB object in and out unchanged", async () => {
    const storage = make();
    const body = generated(12 * MiB);
    expect(await storage.put("tenant-a/documents/big.bin", body.stream)).toEqual({ size: 12 * MiB });
    expect(await sha256Of(await storage.get("tenant-a/documents/big.bin"))).toBe(body.result.sha256);
  });

  it("says clearly when an object is not there", async () => {
    const storage = make();
    await expect(storage.get("tenant-a/missing.bin")).rejects.toThrow(StorageNotFoundError);
    await expect(storage.get("tenant-a/missing.bin")).rejects.toThrow('No stored object "tenant-a/missing.bin".');
  });

  it("replaces an object whole, and keeps the old one when a new write fails part-way", async () => {
    const storage = make();
    await storage.put("tenant-a/note.txt", Readable.from([Buffer.from("first version")]));
    await storage.put("tenant-a/note.txt", Readable.from([Buffer.from("second version")]));
    expect(await text(await storage.get("tenant-a/note.txt"))).toBe("second version");
    await expect(storage.put("tenant-a/note.txt", failingBody())).rejects.toThrow();
    expect(await text(await storage.get("tenant-a/note.txt"))).toBe("second version");
    await expect(storage.put("tenant-a/never.txt", failingBody())).rejects.toThrow();
    await expect(storage.get("tenant-a/never.txt")).rejects.toThrow(StorageNotFoundError);
  });

  it("deletes, and deleting what is not there is fine", async () => {
    const storage = make();
    await storage.put("tenant-a/gone.txt", Readable.from([Buffer.from("bye")]));
    await storage.delete("tenant-a/gone.txt");
    await expect(storage.get("tenant-a/gone.txt")).rejects.toThrow(StorageNotFoundError);
    await storage.delete("tenant-a/gone.txt");
  });

  it("lists objects under a prefix with size and time, for retention", async () => {
    const storage = make();
    const before = Date.now() - 2_000;
    await storage.put("tenant-b/inbound/2026/a.tif", Readable.from([Buffer.from("aaaa")]));
    await storage.put("tenant-b/inbound/2026/b.tif", Readable.from([Buffer.from("bb")]));
    await storage.put("tenant-b/outbound/c.pdf", Readable.from([Buffer.from("c")]));
    await storage.put("tenant-bb/d.pdf", Readable.from([Buffer.from("d")]));
    const inbound = await all(storage.list("tenant-b/inbound/"));
    expect(inbound.map(({ key, size }) => ({ key, size }))).toEqual([
      { key: "tenant-b/inbound/2026/a.tif", size: 4 },
      { key: "tenant-b/inbound/2026/b.tif", size: 2 },
    ]);
    expect(inbound.every((o) => o.modifiedAt.getTime() >= before)).toBe(true);
    expect((await all(storage.list("tenant-b/"))).map((o) => o.key)).toEqual([
      "tenant-b/inbound/2026/a.tif",
      "tenant-b/inbound/2026/b.tif",
      "tenant-b/outbound/c.pdf",
    ]);
  });

  it("refuses keys that could leave its folder", async () => {
    const storage = make();
    for (const key of ["../escape", "a/../../b", "/absolute", "a//b", ".hidden"]) {
      await expect(storage.put(key, Readable.from([Buffer.from("x")]))).rejects.toThrow(/Not a valid storage key/);
    }
  });
});

describe("local storage on disk", () => {
  it("leaves no temporary file behind after a failed write", async () => {
    const storage = createLocalStorage(localRoot);
    await expect(storage.put("tenant-c/x.bin", failingBody())).rejects.toThrow("connection reset");
    expect(await readdir(path.join(localRoot, "tenant-c"))).toEqual([]);
  });

  it("does not list a temporary file a crash left behind", async () => {
    const storage = createLocalStorage(localRoot);
    await storage.put("tenant-d/kept.bin", Readable.from([randomBytes(10)]));
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(localRoot, "tenant-d", ".kept.bin.abc123.tmp"), "half");
    expect((await all(storage.list("tenant-d/"))).map((o) => o.key)).toEqual(["tenant-d/kept.bin"]);
  });
});
