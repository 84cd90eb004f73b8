/**
 * The committed migrations and prisma/schema.prisma must describe the same database: apply the
 * migrations (this file's database) and `prisma db push` the schema into an empty database, then
 * compare their catalogs. A schema edited without a migration fails here — the second test adds
 * one column to the pushed database and requires the comparison to notice it.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runPrismaAsync } from "../../scripts/prisma";
import { APP_ROLE } from "../../server/db/app-role";

const adminUrl = inject("pgAdminUrl");
const appUrl = (db: string) => inject("pgAppUrl").replace("{db}", db);
const stamp = Date.now();
const pushed = `faxport_test_push_${stamp}`;
const drifted = `faxport_test_drift_${stamp}`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

// Unique indexes Prisma's schema cannot express, hand-written in their migration (by name).
const NULLS_NOT_DISTINCT = new Set(["User_tenantId_username_key", "User_tenantId_email_key"]);

async function catalog(url: string) {
  const columns = await query(
    url,
    `
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`,
  );
  const indexes = await query(
    url,
    `
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
  );
  const constraints = await query(
    url,
    `
    SELECT conrelid::regclass::text AS tbl, conname::text AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
    ORDER BY conname`,
  );
  const enums = await query(
    url,
    `
    SELECT t.typname::text AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
  );
  for (const i of indexes) {
    if (NULLS_NOT_DISTINCT.has(i.indexname)) i.indexdef = String(i.indexdef).replace(" NULLS NOT DISTINCT", "");
  }
  return { columns, indexes, constraints, enums };
}

let pushedCode = -1;

beforeAll(async () => {
  await query(adminUrl, `CREATE DATABASE "${pushed}" OWNER ${APP_ROLE}`);
  // Asynchronously: a synchronous child process would stall the worker's event loop.
  pushedCode = await runPrismaAsync(["db", "push", "--skip-generate"], appUrl(pushed));
}, 60_000);

afterAll(async () => {
  for (const db of [pushed, drifted]) await query(adminUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
});

describe("migrations", () => {
  it("match prisma/schema.prisma exactly", async () => {
    expect(pushedCode).toBe(0);
    expect(await catalog(process.env.DATABASE_URL!)).toEqual(await catalog(appUrl(pushed)));
  });

  it("are told apart from a schema with one column more (the comparison can fail)", async () => {
    // The pushed schema plus one column, as if the schema had been edited without a migration.
    await query(adminUrl, `CREATE DATABASE "${drifted}" TEMPLATE "${pushed}" OWNER ${APP_ROLE}`);
    await query(appUrl(drifted), `ALTER TABLE "Tenant" ADD COLUMN "driftCheck" text`);
    const fromMigrations = await catalog(process.env.DATABASE_URL!);
    const fromDrifted = await catalog(appUrl(drifted));
    expect(fromMigrations).not.toEqual(fromDrifted);
    const extra = fromDrifted.columns.filter(
      (c) => !fromMigrations.columns.some((m) => m.column_name === c.column_name),
    );
    expect(extra).toMatchObject([{ table_name: "Tenant", column_name: "driftCheck" }]);
  });
});
