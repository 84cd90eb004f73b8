/**
 * What tenant isolation costs: the same list query run (a) as the owner without row-level
 * security and (b) through withScope (transaction + SET ROLE + policy). Prints ops/s for each and
 * the ratio, measured in one process because this machine is noisy.
 *   npx tsx bench/scoped-queries.ts
 */

import { runPrisma } from "../scripts/prisma";
import { hashAuthKey } from "../server/auth/password-hash";
import { disconnectDb, getDb } from "../server/db/client";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { withScope } from "../server/db/scope";

const ROUNDS = 400;

async function measure(name: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) await fn();
  const opsPerSec = ROUNDS / ((performance.now() - t0) / 1000);
  console.log(`${name.padEnd(42)} ${opsPerSec.toFixed(0).padStart(7)} ops/s`);
  return opsPerSec;
}

async function main() {
  const pg = await startEmbeddedPostgres({ dataDir: ".data/bench-pg", port: 54370, database: `bench_${Date.now()}` });
  process.env.DATABASE_URL = pg.url;
  if (runPrisma(["migrate", "deploy"], pg.url) !== 0) throw new Error("migrate failed");
  const db = getDb();
  const hash = await hashAuthKey("bench-auth-key-1"); // these people never sign in
  const tenants = [];
  for (let t = 0; t < 20; t++) {
    const tenant = await db.tenant.create({ data: { name: `Bench ${t}`, slug: `bench-${t}` } });
    tenants.push(tenant);
    await db.user.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        tenantId: tenant.id,
        username: `b${t}-u${i}`,
        email: `u${i}@b${t}.test`,
        passwordHash: hash,
      })),
    });
  }
  const target = tenants[7]!;
  const query = { orderBy: { username: "asc" as const }, take: 20 };

  const baseline = await measure("owner, explicit where (baseline)", () =>
    db.user.findMany({ ...query, where: { tenantId: target.id } }),
  );
  const scoped = await measure("withScope, row-level security, no where", () =>
    withScope({ kind: "tenant", tenantId: target.id }, (tx) => tx.user.findMany(query)),
  );
  console.log(`ratio scoped/baseline: ${(scoped / baseline).toFixed(2)} (1.00 = free)`);
  await disconnectDb();
  await pg.stop();
}

void main();
