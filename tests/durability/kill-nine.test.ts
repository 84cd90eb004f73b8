/**
 * `kill -9` of a running `npm start` — the Node processes and PostgreSQL alike — loses no
 * committed row: start the real server, commit rows, kill the whole process group, start again,
 * and compare. Runs after the build stage (beside the end-to-end suite), so the build is up to date.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { durabilityPgPort } from "./support/ports";
import { alive, killGroup, postmasterPid, startDetached, withDb } from "./support/process-group";

const DATA_DIR = ".data/kill9";
// Own ports, so it can run next to `npm start` or another clone's tests.
const PG_PORT = durabilityPgPort(0);
const PORT = Number(process.env.DURABILITY_PORT ?? 3210);
const DB_URL = `postgresql://faxport_app:faxport-local@127.0.0.1:${PG_PORT}/faxport`; // the portal's own role

let server: ChildProcess | undefined;

function startServer(): Promise<ChildProcess> {
  // Started as `npm start` starts it: its own script, its environment, secrets from its data directory.
  return startDetached({
    script: "scripts/start.mjs",
    command: ["node", "scripts/start.mjs"],
    env: {
      FAXPORT_DATA_DIR: DATA_DIR,
      FAXPORT_PG_PORT: String(PG_PORT),
      PORT: String(PORT),
      FAXPORT_PORT_SETTING: "DURABILITY_PORT",
      FAXPORT_PG_PORT_SETTING: "DURABILITY_PG_PORT",
    },
    ready: "Faxport is running",
    timeoutMs: 300_000,
    what: "the server",
  });
}

const fingerprint = () =>
  withDb(DB_URL, async (c) => {
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
      killGroup(server);
    } catch {}
  }
});

describe("kill -9 of npm start", () => {
  it("comes back with every committed row", async () => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    server = await startServer();

    // Commit rows one transaction at a time, as the portal would, right up to the kill.
    await withDb(DB_URL, async (c) => {
      for (let i = 0; i < 200; i++) {
        await c.query(
          `INSERT INTO "AuditLog"(id, "actorName", action, "entityType", details) VALUES (gen_random_uuid(), 'durability', 'test.commit', 'Test', $1)`,
          [JSON.stringify({ i })],
        );
      }
    });
    const before = await fingerprint();
    const pgPid = postmasterPid(DATA_DIR);
    killGroup(server);
    for (let i = 0; i < 100 && alive(pgPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pgPid)).toBe(false); // PostgreSQL really died mid-flight: recovery is exercised
    expect(existsSync(`${DATA_DIR}/pg/postmaster.pid`)).toBe(true); // stale lock left behind

    server = await startServer();
    expect(await fingerprint()).toEqual(before);
    const res = await fetch(`http://localhost:${PORT}/login`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Faxport");
    killGroup(server);
    server = undefined;
  });
});
