/**
 * Runs one conversion tool — the only way the gateway starts Ghostscript, LibreOffice, ImageMagick,
 * libtiff or poppler: inside the job's sandbox (sandbox.ts) with an argument array (never a shell
 * string), CPU/memory/file-size limits, a wall-clock limit that kills the sandbox (its process group;
 * everything inside dies with it), and captured output capped so a chatty tool cannot fill memory.
 * Paths given inside `jobDir` are rewritten to where the tool sees them (/job/…).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { bwrapPath, DEFAULT_SANDBOX_LIMITS, ensureSandbox, sandboxArgs } from "./sandbox";
import { scratchRoot } from "./scratch-root";

export type ToolResult = {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The wall-clock limit or the CPU-time limit stopped it. */
  timedOut: boolean;
};

export type ToolOptions = {
  /** The job's private directory: the only files the tool sees, and the only place it can write. */
  jobDir: string;
  /** Where it starts, inside jobDir (default jobDir). */
  cwd?: string;
  /** Wall-clock limit; the CPU-time limit is the same number of seconds. */
  timeoutMs: number;
  memoryBytes?: number;
  fileSizeBytes?: number;
  env?: Record<string, string>;
};

const OUTPUT_CAP = 64 * 1024;
// What a sandboxed tool's exit code is when a CPU limit killed it (128 + SIGXCPU, 128 + SIGKILL).
const CPU_LIMIT_CODES = new Set([128 + 24, 128 + 9]);

export async function runTool(command: string, args: string[], options: ToolOptions): Promise<ToolResult> {
  // The one directory a tool may see is a job's own, never a shared one (the temp dir, the data dir).
  const fromRoot = path.relative(scratchRoot(), path.resolve(options.jobDir));
  if (!fromRoot || fromRoot.startsWith("..") || path.isAbsolute(fromRoot) || !fromRoot.includes(path.sep)) {
    throw new Error(`Tools run only on a job's own directory in the scratch root, not ${options.jobDir}`);
  }
  await ensureSandbox();
  const bwrapArgs = sandboxArgs({
    jobDir: options.jobDir,
    cwd: options.cwd ?? options.jobDir,
    command,
    args,
    env: options.env,
    limits: {
      cpuSeconds: Math.max(1, Math.ceil(options.timeoutMs / 1000)),
      memoryBytes: options.memoryBytes ?? DEFAULT_SANDBOX_LIMITS.memoryBytes,
      fileSizeBytes: options.fileSizeBytes ?? DEFAULT_SANDBOX_LIMITS.fileSizeBytes,
    },
  });
  return new Promise((resolve, reject) => {
    const child = spawn(bwrapPath(), bwrapArgs, {
      // bwrap gets no environment (and --clearenv for the tool): tools must not see the gateway's secrets.
      env: {} as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so a timeout can kill the sandbox and all in it
    });
    let stdout = "";
    let stderr = "";
    let wallLimit = false;
    child.stdout.on("data", (d: Buffer) => {
      if (stdout.length < OUTPUT_CAP) stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < OUTPUT_CAP) stderr += d.toString("utf8");
    });
    const timer = setTimeout(() => {
      wallLimit = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      killGroup(child.pid); // leftovers must not outlive the job
      const timedOut = wallLimit || (code !== null && CPU_LIMIT_CODES.has(code));
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function killGroup(pid: number | undefined) {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
