/**
 * A private directory for one conversion job (mode 0700 under the OS temp dir), removed when the job's
 * callback ends — successfully or not — so decrypted documents never linger on disk.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export async function withConversionDir<T>(job: (workDir: string) => Promise<T>): Promise<T> {
  const workDir = await mkdtemp(path.join(tmpdir(), "faxport-convert-")); // mkdtemp creates it 0700
  try {
    return await job(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
