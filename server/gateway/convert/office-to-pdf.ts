/**
 * LibreOffice headless, several files per start-up (it takes seconds to start), with a throwaway profile
 * inside the job's private directory so nothing — not even a recent-files list — outlives the job.
 * It runs in the job's sandbox, which has no network: images and links a document names on other
 * hosts (or on 127.0.0.1) are never fetched.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runTool } from "./run-tool";

export async function officeToPdf(
  soffice: string,
  inputs: string[],
  workDir: string,
  timeoutMs: number,
): Promise<{ outDir: string; timedOut: boolean }> {
  const outDir = path.join(workDir, "office-out");
  const profile = path.join(workDir, "office-profile");
  await mkdir(outDir, { recursive: true });
  const result = await runTool(
    soffice,
    [
      "--headless",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      ...inputs,
    ],
    { jobDir: workDir, timeoutMs },
  );
  return { outDir, timedOut: result.timedOut };
}
