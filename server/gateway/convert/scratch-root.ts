/**
 * Where decrypted material may sit while a gateway job works: one private directory (mode 0700) under
 * the data directory — `<FAXPORT_DATA_DIR>/scratch`, or FAXPORT_SCRATCH_DIR — never the shared system
 * temp directory, whose other users (and Ghostscript's PostScript) could read it.
 *
 * Each process works in its own folder `p<pid>-<start time>` there. A process killed mid-job (kill -9,
 * power cut) cannot wipe what it left, so `sweepScratch()` removes every folder whose process is no
 * longer running — called at start-up before any job runs (scripts/serve.ts), and safe to call while
 * other processes work in the same root, since a live process's folder is kept.
 *
 * Why on disk and not /dev/shm: containers often give /dev/shm 64 MB, too small for a 50 MB upload
 * plus its renders; the sweep covers what a RAM disk would have forgotten on a reboot, and the
 * ciphertext store sits on the same disk anyway.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";

/** The scratch root for this environment (not created). */
export function scratchRoot(env: Record<string, string | undefined> = process.env): string {
  if (env.FAXPORT_SCRATCH_DIR) return path.resolve(env.FAXPORT_SCRATCH_DIR);
  return path.resolve(env.FAXPORT_DATA_DIR ?? ".data", "scratch");
}

/** The kernel's start time of a process (clock ticks since boot), which tells a reused pid apart. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, start time 22.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z") return null; // killed, not yet reaped: it will never clean up
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

let ownFolder: string | null = null;

function ensurePrivateDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700); // an existing folder made by an older version keeps no wider mode
}

/** This process's own folder under the scratch root, created on first use and removed at exit. */
export function processScratchDir(): string {
  const root = scratchRoot();
  const name = `p${process.pid}-${processStartTime(process.pid) ?? "0"}`;
  const dir = path.join(root, name);
  if (ownFolder !== dir) {
    ensurePrivateDir(root);
    // Folders of processes that ended without their exit handler (killed, or a test worker torn
    // down) go now too, not only at the next start-up.
    if (ownFolder === null) sweepScratch(root);
    ensurePrivateDir(dir);
    if (ownFolder === null) {
      process.once("exit", () => {
        if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
      });
    }
    ownFolder = dir;
  }
  return dir;
}

/** A fresh private folder (0700) for one job inside this process's scratch folder. */
export function makeScratchDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(processScratchDir(), `${prefix}-`));
}

/**
 * Removes what dead processes left under the scratch root: every folder not owned by a process that
 * is still running (same pid and start time), and anything else found there. Returns what it removed.
 */
export function sweepScratch(root: string = scratchRoot()): string[] {
  ensurePrivateDir(root);
  const removed: string[] = [];
  for (const entry of readdirSync(/*turbopackIgnore: true*/ root)) {
    const owner = /^p(\d+)-(\d+)$/.exec(entry);
    if (owner && processStartTime(Number(owner[1])) === owner[2]) continue;
    rmSync(path.join(root, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
