/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, R2…). An S3 object appears only once its
 * upload completed, so writes are atomic by nature; bodies are streamed in parts (multipart
 * upload for large ones), never held whole in memory.
 */
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { checkObjectKey, type ObjectStorage, StorageNotFoundError } from "./object-storage";

export interface S3StorageOptions {
  bucket: string;
  /** Put every object under this folder of the bucket (e.g. "faxport/"). */
  prefix?: string;
  client: S3ClientConfig;
}

export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const client = new S3Client({
    // Ask for checksums only where S3 requires them: S3-compatible servers differ in what they accept.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...options.client,
  });
  const { bucket } = options;
  const root = options.prefix ?? "";
  const objectKey = (key: string) => `${root}${checkObjectKey(key)}`;

  return {
    async put(key, body) {
      let size = 0;
      const counted = (body instanceof Readable ? body : Readable.from(body)).on("data", (chunk: Buffer) => {
        size += chunk.length;
      });
      await new Upload({ client, params: { Bucket: bucket, Key: objectKey(key), Body: counted } }).done();
      return { size };
    },

    async get(key) {
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return result.Body as Readable;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") {
          throw new StorageNotFoundError(key);
        }
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },

    async *list(prefix = "") {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: `${root}${prefix}`, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          yield {
            key: item.Key!.slice(root.length),
            size: item.Size ?? 0,
            modifiedAt: item.LastModified ?? new Date(0),
          };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
