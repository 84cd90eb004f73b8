/**
 * What tenant isolation costs, and why the scoped core has the two shortcuts it has. One process,
 * variants interleaved over several rounds (this machine is noisy), median time per operation:
 * - the owner's query with an explicit where (no row-level security), against withScope's;
 * - a user list (page + count, as server/user/list-users.ts) as plain SQL (`sql`, plain-read.ts),
 *   and the same SQL through Prisma's transaction — what dropping plain reads would cost;
 * - the same again with the scope set by a statement of its own after BEGIN (the documented way)
 *   instead of riding with BEGIN (scoped-begin.ts) — what dropping that rewrite would cost.
 *   npm run bench    (BENCH_PG_PORT, default 54370)
 */

import { runPrisma } from "../scripts/prisma";
import { hashAuthKey } from "../server/auth/password-hash";
import { disconnectDb, getDb, POOL_SIZE } from "../server/db/client";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { withScope } from "../server/db/scope";

const ROUNDS = 7;
const OPS = 200;
const LIST = `SELECT u.id, u."tenantId", u.username, u.email, u."firstName", u."lastName", u.role::text AS role,
  u."createdAt", CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('name', t.name) END AS tenant
  FROM "User" u LEFT JOIN "Tenant" t ON t.id = u."tenantId" WHERE u."tenantId" = $1::uuid
  ORDER BY u.username ASC LIMIT $2 OFFSET $3`;
const COUNT = `SELECT count(*)::int AS n FROM "User" u WHERE u."tenantId" = $1::uuid`;

async function perOp(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < OPS; i++) await fn();
  return ((performance.now() - t0) / OPS) * 1000;
}

async function main() {
  const port = Number(process.env.BENCH_PG_PORT ?? 54370);
  const server = await startEmbeddedPostgres({ dataDir: ".data/bench-pg", port, database: `bench_${Date.now()}` });
  process.env.DATABASE_URL = server.url;
  if (runPrisma(["migrate", "deploy"], server.url) !== 0) throw new Error("migrate failed");
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
  const id = tenants[7]!.id;
  const scope = { kind: "tenant" as const, tenantId: id };
  const query = { orderBy: { username: "asc" as const }, take: 20 };

  const variants: [string, () => Promise<unknown>][] = [
    ["owner, explicit where (baseline)", () => db.user.findMany({ ...query, where: { tenantId: id } })],
    ["withScope, Prisma findMany, no where", () => withScope(scope, (tx) => tx.user.findMany(query))],
    [
      "user list as plain SQL (sql)",
      () =>
        withScope(scope, async (_tx, sql) => {
          await sql(LIST, [id, 20, 0]);
          await sql(COUNT, [id]);
        }),
    ],
    [
      "user list, same SQL through Prisma",
      () =>
        withScope(scope, async (tx) => {
          await tx.$queryRawUnsafe(LIST, id, 20, 0);
          await tx.$queryRawUnsafe(COUNT, id);
        }),
    ],
    [
      "  … and the scope set after BEGIN",
      () =>
        db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT set_config('role', 'faxport_scoped', true),
            set_config('app.tenant_id', ${id}, true), set_config('app.platform', 'off', true)`;
          await tx.$queryRawUnsafe(LIST, id, 20, 0);
          await tx.$queryRawUnsafe(COUNT, id);
        }),
    ],
  ];
  for (const [, fn] of variants) for (let i = 0; i < 30; i++) await fn(); // warm up
  const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [name, fn] of variants) times.get(name)!.push(await perOp(fn));
  for (const [name, list] of times) {
    list.sort((a, b) => a - b);
    const median = list[Math.floor(list.length / 2)]!;
    console.log(
      `${name.padEnd(40)} ${(median / 1000).toFixed(2).padStart(6)} ms/op  (${(list[0]! / 1000).toFixed(2)}–${(list.at(-1)! / 1000).toFixed(2)})`,
    );
  }

  console.log(`connections: one pool of at most ${POOL_SIZE} per process, plain reads included`);
  await disconnectDb();
  await server.stop();
}

void main();
