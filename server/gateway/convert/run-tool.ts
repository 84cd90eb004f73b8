/**
 * Runs one conversion tool: an argument array (never a shell string), a time limit that kills the tool's
 * whole process group (LibreOffice forks), and captured output capped so a chatty tool cannot fill memory.
 */
import { spawn } from "node:child_process";

export type ToolResult = { code: number | null; stdout: string; stderr: string; timedOut: boolean };

const OUTPUT_CAP = 64 * 1024;

export function runTool(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs: number; env?: Record<string, string> },
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      // A minimal environment: tools must not see the gateway's secrets.
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        LANG: "C.UTF-8",
        HOME: options.cwd,
        ...options.env,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so a timeout can kill every descendant
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => {
      if (stdout.length < OUTPUT_CAP) stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      if (stderr.length < OUTPUT_CAP) stderr += d.toString("utf8");
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      killGroup(child.pid); // leftovers (soffice.bin) must not outlive the job
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
