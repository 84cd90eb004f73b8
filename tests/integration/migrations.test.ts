/**
 * The committed migrations and prisma/schema.prisma must describe the same database: apply the
 * migrations (this file's database) and `prisma db push` the schema into an empty database, then
 * compare their catalogs. A schema edited without a migration fails here.
 */
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runPrisma } from "../../scripts/prisma";

const adminUrl = inject("pgAdminUrl");
const pushedName = `faxport_test_push_${Date.now()}`;
const pushedUrl = adminUrl.replace(/\/postgres$/, `/${pushedName}`);

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

afterAll(async () => {
  await query(adminUrl, `DROP DATABASE IF EXISTS "${pushedName}" WITH (FORCE)`);
});

describe("migrations", () => {
  it("match prisma/schema.prisma exactly", async () => {
    await query(adminUrl, `CREATE DATABASE "${pushedName}"`);
    expect(runPrisma(["db", "push", "--skip-generate"], pushedUrl)).toBe(0);
    const fromMigrations = await catalog(process.env.DATABASE_URL!);
    const fromSchema = await catalog(pushedUrl);
    expect(fromMigrations).toEqual(fromSchema);
  }, 60_000);
});
