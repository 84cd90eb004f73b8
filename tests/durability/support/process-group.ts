/**
 * What the kill -9 tests share: start a script in a process group of its own (so one signal reaches
 * Node and the PostgreSQL it started), tell whether a process is really gone, and talk to its
 * database directly.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";

/**
 * Starts `tsx <script>` (or, with `command`, that command: `npm start`'s own `node scripts/start.mjs`)
 * detached and resolves once its output contains `ready`.
 */
export function startDetached(opts: {
  script: string;
  command?: [string, ...string[]];
  env: Record<string, string>;
  ready: string;
  timeoutMs: number;
  what: string;
}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const [cmd, ...args] = opts.command ?? ["node_modules/.bin/tsx", opts.script];
    const child = spawn(cmd, args, {
      detached: true,
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const timer = setTimeout(() => reject(new Error(`${opts.what} did not start:\n${log}`)), opts.timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes(opts.ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // Our own kill -9 is expected; anything else before "ready" is a failure to start.
      if (signal !== "SIGKILL") reject(new Error(`${opts.what} exited with ${code ?? signal}:\n${log}`));
    });
  });
}

/** kill -9 of the child's whole process group. */
export function killGroup(child: ChildProcess): void {
  process.kill(-child.pid!, "SIGKILL");
}

/** The PostgreSQL postmaster's pid of an embedded data directory. */
export const postmasterPid = (dataDir: string) =>
  Number(readFileSync(`${dataDir}/pg/postmaster.pid`, "utf8").split("\n")[0]);

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed process whose parent is gone may linger as a zombie until init reaps it: it is dead.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return !/^\d+ \(.*\) Z /.test(stat);
}

export async function withDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
