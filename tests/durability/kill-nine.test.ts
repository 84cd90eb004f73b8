/**
 * `kill -9` of a running `npm start` — the Node processes and PostgreSQL alike — loses no
 * committed row: start the real server, commit rows, kill the whole process group, start again,
 * and compare. Runs after the end-to-end suite, so the build is already up to date.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const DATA_DIR = ".data/kill9";
// Own ports, so it can run next to `npm start` or another clone's tests.
const PG_PORT = Number(process.env.DURABILITY_PG_PORT ?? 54360);
const PORT = Number(process.env.DURABILITY_PORT ?? 3210);
const DB_URL = `postgresql://faxport_app:faxport-local@127.0.0.1:${PG_PORT}/faxport`; // the portal's own role

let server: ChildProcess | undefined;

function startServer(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
      detached: true, // its own process group, so one signal reaches every process it started
      env: {
        ...process.env,
        FAXPORT_DATA_DIR: DATA_DIR,
        FAXPORT_PG_PORT: String(PG_PORT),
        PORT: String(PORT),
        FAXPORT_PORT_SETTING: "DURABILITY_PORT",
        FAXPORT_PG_PORT_SETTING: "DURABILITY_PG_PORT",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 300_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Faxport is running")) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
}

function killNine(child: ChildProcess) {
  process.kill(-child.pid!, "SIGKILL");
}

const postmasterPid = () => Number(readFileSync(`${DATA_DIR}/pg/postmaster.pid`, "utf8").split("\n")[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed process whose parent is gone may linger as a zombie until init reaps it.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return !/^\d+ \(.*\) Z /.test(stat);
};

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const fingerprint = () =>
  withDb(async (c) => {
    const tables = ["Tenant", "User", "Did", "Trunk", "AuditLog", "TenantDomain"];
    const out: Record<string, string> = {};
    for (const t of tables) {
      const { rows } = await c.query(
        `SELECT md5(string_agg(row_to_json(x)::text, '|' ORDER BY row_to_json(x)::text)) AS h, count(*)::int AS n FROM "${t}" x`,
      );
      out[t] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  });

afterAll(() => {
  if (server?.pid) {
    try {
      killNine(server);
    } catch {}
  }
});

describe("kill -9 of npm start", () => {
  it("comes back with every committed row", async () => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    server = await startServer();

    // Commit rows one transaction at a time, as the portal would, right up to the kill.
    await withDb(async (c) => {
      for (let i = 0; i < 200; i++) {
        await c.query(
          `INSERT INTO "AuditLog"(id, "actorName", action, "entityType", details) VALUES (gen_random_uuid(), 'durability', 'test.commit', 'Test', $1)`,
          [JSON.stringify({ i })],
        );
      }
    });
    const before = await fingerprint();
    const pgPid = postmasterPid();
    killNine(server);
    for (let i = 0; i < 100 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pgPid)).toBe(false); // PostgreSQL really died mid-flight: recovery is exercised
    expect(existsSync(`${DATA_DIR}/pg/postmaster.pid`)).toBe(true); // stale lock left behind

    server = await startServer();
    expect(await fingerprint()).toEqual(before);
    const res = await fetch(`http://localhost:${PORT}/login`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Faxport");
    killNine(server);
    server = undefined;
  });
});
