/**
 * Connections per process: Prisma's scoped transactions and the plain-SQL reads beside them draw
 * from one pool, so a busy process holds at most that pool's connections for its requests (the
 * database's connection limit is shared by every process of an installation).
 */
import pg from "pg";
import { describe, expect, it } from "vitest";

const { withScope } = await import("../../server/db/scope");
const { makeTenant } = await import("../support/fixtures");

async function connectionsNow(): Promise<number> {
  const counter = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await counter.connect();
  try {
    const { rows } = await counter.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows[0]!.n;
  } finally {
    await counter.end();
  }
}

describe("a process's database connections", () => {
  it("stay within one pool of 10 when plain reads and Prisma transactions run at once", async () => {
    const { tenant } = await makeTenant("Pool Clinic", "pool.localhost");
    const scope = { kind: "tenant" as const, tenantId: tenant.id };
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const busy = Array.from({ length: 30 }, (_, i) =>
      withScope(scope, async (tx, sql) => {
        // Half open with a plain read, half with a Prisma query; each keeps its connection until released.
        if (i % 2) await sql("SELECT 1 AS one");
        else await tx.$queryRaw`SELECT 1 AS one`;
        started++;
        await held;
      }),
    );
    // Wait until every connection the process will take is taken (the rest wait in the pool's queue).
    let most = 0;
    for (let seen = -1; seen !== most; ) {
      seen = most;
      await new Promise((resolve) => setTimeout(resolve, 300));
      most = Math.max(most, await connectionsNow());
    }
    release();
    await Promise.all(busy);
    expect(started).toBe(30);
    expect(most).toBeLessThanOrEqual(10);
  });
});
