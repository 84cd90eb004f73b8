/**
 * A private directory for one job (mode 0700 inside this process's folder under the scratch root, see
 * scratch-root.ts — never the system temp dir), removed when the job's callback ends — successfully or
 * not — so decrypted documents never linger on disk. A process killed before that leaves the folder to
 * sweepScratch() at the next start. Tools run on it in a sandbox that sees only this directory.
 */
import { rm } from "node:fs/promises";
import { makeScratchDir } from "./scratch-root";

export async function withConversionDir<T>(job: (workDir: string) => Promise<T>): Promise<T> {
  const workDir = await makeScratchDir("job");
  try {
    return await job(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
