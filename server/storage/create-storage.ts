/**
 * The storage the environment asks for: S3-compatible when STORAGE_DRIVER=s3 (bucket and
 * credentials from S3_* variables), else files under .data/objects.
 */
import path from "node:path";
import { z } from "zod";
import { createLocalStorage } from "./local-storage";
import type { ObjectStorage } from "./object-storage";
import type { S3StorageOptions } from "./s3-storage";

const storageEnvSchema = z.discriminatedUnion("STORAGE_DRIVER", [
  z.object({
    STORAGE_DRIVER: z.literal("local").default("local"),
    FAXPORT_DATA_DIR: z.string().default(".data"),
  }),
  z.object({
    STORAGE_DRIVER: z.literal("s3"),
    S3_BUCKET: z.string().min(1, "S3_BUCKET names the bucket"),
    S3_PREFIX: z.string().default(""),
    S3_REGION: z.string().default("us-east-1"),
    S3_ENDPOINT: z.string().url().optional(),
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
  }),
]);

export function createStorage(environment: NodeJS.ProcessEnv = process.env): ObjectStorage {
  const parsed = storageEnvSchema.safeParse({ STORAGE_DRIVER: "local", ...environment });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Storage is not configured correctly: ${problems}`);
  }
  const config = parsed.data;
  if (config.STORAGE_DRIVER === "local") return createLocalStorage(path.resolve(config.FAXPORT_DATA_DIR, "objects"));
  return s3StorageLoadedOnFirstUse({
    bucket: config.S3_BUCKET,
    prefix: config.S3_PREFIX,
    client: {
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE === "true",
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    },
  });
}

/**
 * The S3 driver, its SDK loaded only when storage is first used: the SDK is the heaviest import of
 * the server, and everyone on the local driver (every test process, `npm start` by default) skips it.
 */
function s3StorageLoadedOnFirstUse(options: S3StorageOptions): ObjectStorage {
  let storage: Promise<ObjectStorage> | undefined;
  const s3 = () => {
    storage ??= import("./s3-storage").then((m) => m.createS3Storage(options));
    return storage;
  };
  return {
    put: async (key, body) => (await s3()).put(key, body),
    get: async (key) => (await s3()).get(key),
    delete: async (key) => (await s3()).delete(key),
    async *list(prefix) {
      yield* (await s3()).list(prefix);
    },
  };
}
