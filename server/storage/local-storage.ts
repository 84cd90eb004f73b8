/**
 * The embedded default: objects as files under a folder (.data/objects). A write goes to a temporary
 * file in the same folder, is flushed to disk (fsync), then renamed over the final name and the
 * folder flushed: after a crash the object is either the old one or the whole new one. Temporary
 * files are named with a leading dot, so listings and keys never see them.
 */

import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkObjectKey, type ObjectStorage, StorageNotFoundError, type StoredObject } from "./object-storage";

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createLocalStorage(root: string): ObjectStorage {
  const fileOf = (key: string) => path.join(root, ...checkObjectKey(key).split("/"));

  async function* walk(dir: string, prefix: string): AsyncGenerator<StoredObject> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue; // a write in progress, or left by a crash
      const key = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(full, key);
      else if (entry.isFile()) {
        const info = await stat(full);
        yield { key, size: info.size, modifiedAt: info.mtime };
      }
    }
  }

  return {
    async put(key, body) {
      const target = fileOf(key);
      const dir = path.dirname(target);
      await mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
      try {
        const source = body instanceof Readable ? body : Readable.from(body);
        await pipeline(source, createWriteStream(temp, { flags: "wx" }));
        await fsyncPath(temp);
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await fsyncPath(dir);
      return { size: (await stat(target)).size };
    },

    async get(key) {
      const file = fileOf(key);
      // Open first, so a missing object is an error here rather than on the stream later.
      const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT" || error.code === "EISDIR") throw new StorageNotFoundError(key);
        throw error;
      });
      return handle.createReadStream();
    },

    async delete(key) {
      await rm(fileOf(key), { force: true });
    },

    async *list(prefix = "") {
      const base = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
      if (base) checkObjectKey(base);
      for await (const object of walk(base ? path.join(root, ...base.split("/")) : root, base)) {
        if (object.key.startsWith(prefix)) yield object;
      }
    },
  };
}
