/**
 * The sandbox every conversion tool runs in (Ghostscript, LibreOffice, ImageMagick, libtiff, poppler):
 * Debian's bubblewrap. The tools read files other organisations uploaded, and each has interpreted
 * hostile input before (Ghostscript's -dSAFER still lets PostScript read and write the temp directory;
 * LibreOffice fetches images a document links to). So a tool sees:
 *   - the job's own directory, bound at /job — the only place it can write;
 *   - read-only system files it needs: /usr (with the /lib, /bin… links), and a few /etc pieces
 *     (fonts, the dynamic linker's cache, ImageMagick / Ghostscript / LibreOffice configuration);
 *   - an empty /tmp and HOME of its own (size-capped tmpfs), a private /proc and minimal /dev;
 * and nothing else: no network (not even 127.0.0.1), no other job's directory, no system temp dir,
 * no data directory, no other process. It runs as uid/gid 65534 in a user namespace with every
 * capability dropped, in its own session (no terminal injection), dies with its parent, and gets an
 * empty environment plus PATH/HOME/TMPDIR/LANG. Inside, prlimit caps CPU seconds, address space,
 * the size of any file written, and core dumps; run-tool.ts adds the wall-clock limit.
 * Without bwrap nothing runs: conversion fails closed with a message saying what to install.
 */
import { execFile } from "node:child_process";
import { existsSync, lstatSync, readlinkSync } from "node:fs";
import path from "node:path";

/** Where the job's directory appears inside the sandbox. */
export const SANDBOX_JOB_DIR = "/job";

export class SandboxUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `Documents cannot be converted: the tool sandbox (bubblewrap) does not work here — ${detail}. ` +
        "Install the Debian package bubblewrap (`apt-get install bubblewrap`; npm start does it) and allow user namespaces.",
    );
    this.name = "SandboxUnavailableError";
  }
}

export type SandboxLimits = {
  /** CPU seconds before SIGXCPU (and SIGKILL a second later). */
  cpuSeconds: number;
  /** Address space (RLIMIT_AS). */
  memoryBytes: number;
  /** Largest file the tool may write (RLIMIT_FSIZE). */
  fileSizeBytes: number;
};

const MB = 1024 * 1024;
export const DEFAULT_SANDBOX_LIMITS: Omit<SandboxLimits, "cpuSeconds"> = {
  memoryBytes: 2048 * MB, // LibreOffice maps ~1 GB of address space before it opens anything
  fileSizeBytes: 512 * MB,
};

const TMP_BYTES = 256 * MB;
const HOME_BYTES = 64 * MB;
const NOBODY = "65534";

/** /etc pieces the tools read; everything else in /etc (passwords, keys, hosts) stays out of sight. */
const ETC_PIECES = [
  "alternatives", // Debian reaches convert, soffice… through these links
  "fonts",
  "ld.so.cache",
  "ld.so.conf",
  "ld.so.conf.d",
  "ImageMagick-6",
  "ImageMagick-7",
  "ghostscript",
  "libreoffice",
  "libpaper.d",
  "papersize",
];
const TOP_LEVEL = ["lib", "lib32", "lib64", "libx32", "bin", "sbin"];

export function bwrapPath(env: Record<string, string | undefined> = process.env): string {
  return env.FAXPORT_BWRAP ?? "/usr/bin/bwrap";
}

/** The file-system part of the sandbox: identical for every tool run, so computed once. */
let fileSystem: string[] | null = null;
function fileSystemArgs(): string[] {
  if (fileSystem) return fileSystem;
  const args = ["--ro-bind", "/usr", "/usr"];
  for (const name of TOP_LEVEL) {
    const p = `/${name}`;
    // turbopackIgnore: system paths at run time, not project files for the build to trace.
    if (!existsSync(/*turbopackIgnore: true*/ p)) continue;
    const info = lstatSync(p);
    // Merged-/usr systems (Debian 12) make these links into /usr; older ones have real directories.
    if (info.isSymbolicLink()) args.push("--symlink", readlinkSync(p), p);
    else if (info.isDirectory()) args.push("--ro-bind", p, p);
  }
  for (const piece of ETC_PIECES) {
    const p = `/etc/${piece}`;
    if (existsSync(p)) args.push("--ro-bind", p, p);
  }
  args.push(
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--size",
    String(TMP_BYTES),
    "--tmpfs",
    "/tmp",
    "--size",
    String(HOME_BYTES),
    "--tmpfs",
    "/home",
  );
  fileSystem = args;
  return args;
}

/** A path inside the job directory as the tool sees it (also inside a file: URL); anything else as it is. */
export function insideSandbox(jobDir: string, value: string): string {
  if (value === jobDir) return SANDBOX_JOB_DIR;
  return value.split(`${jobDir}/`).join(`${SANDBOX_JOB_DIR}/`);
}

/** The bwrap argument list (after the bwrap binary) that runs `command args` in the job's sandbox. */
export function sandboxArgs(opts: {
  /** The job's directory (null only for the start-up probe, which binds nothing). */
  jobDir: string | null;
  cwd: string;
  command: string;
  args: string[];
  limits: SandboxLimits;
  env?: Record<string, string>;
}): string[] {
  const { jobDir, limits } = opts;
  const job: string[] = [];
  if (jobDir) {
    const relativeCwd = path.relative(jobDir, opts.cwd);
    if (relativeCwd.startsWith("..") || path.isAbsolute(relativeCwd)) {
      throw new Error(`the tool's working directory ${opts.cwd} is outside its job directory`);
    }
    job.push("--bind", jobDir, SANDBOX_JOB_DIR, "--chdir", path.posix.join(SANDBOX_JOB_DIR, relativeCwd));
  }
  const env = { PATH: "/usr/bin:/bin", HOME: "/home", TMPDIR: "/tmp", LANG: "C.UTF-8", ...opts.env };
  const extra: string[] = [];
  // A tool given by absolute path outside /usr (a test's wrapper script) is shown read-only, alone.
  if (path.isAbsolute(opts.command) && !opts.command.startsWith("/usr/")) {
    extra.push("--ro-bind", opts.command, opts.command);
  }
  return [
    "--unshare-all",
    "--unshare-user",
    "--uid",
    NOBODY,
    "--gid",
    NOBODY,
    "--disable-userns",
    "--cap-drop",
    "ALL",
    "--hostname",
    "faxport-tool",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    ...Object.entries(env).flatMap(([k, v]) => ["--setenv", k, v]),
    ...fileSystemArgs(),
    ...extra,
    ...job,
    "--",
    "/usr/bin/prlimit",
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
    `--as=${limits.memoryBytes}`,
    `--fsize=${limits.fileSizeBytes}`,
    "--core=0",
    "--",
    opts.command,
    ...(jobDir ? opts.args.map((a) => insideSandbox(jobDir, a)) : opts.args),
  ];
}

/** Start-up checks that passed or are under way, by bwrap path. */
const checks = new Map<string, Promise<void>>();

/** Fails closed, once per process and bwrap path: bwrap must exist and start a sandbox here. */
export function ensureSandbox(): Promise<void> {
  const bwrap = bwrapPath();
  let check = checks.get(bwrap);
  if (check) return check;
  check = new Promise<void>((resolve, reject) => {
    if (!existsSync(/*turbopackIgnore: true*/ bwrap)) {
      reject(new SandboxUnavailableError(`${bwrap} is missing`));
      return;
    }
    const probe = sandboxArgs({
      jobDir: null,
      cwd: "/",
      command: "/usr/bin/true",
      args: [],
      limits: { cpuSeconds: 5, ...DEFAULT_SANDBOX_LIMITS },
    });
    execFile(/*turbopackIgnore: true*/ bwrap, probe, { timeout: 10_000 }, (error, _stdout, stderr) => {
      if (error) reject(new SandboxUnavailableError(`it failed to start (${(stderr || error.message).trim()})`));
      else resolve();
    });
  });
  checks.set(bwrap, check);
  // A failed check is tried again next time (the operator may have installed bwrap meanwhile).
  check.catch(() => checks.delete(bwrap));
  return check;
}
