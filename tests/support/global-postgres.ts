/**
 * One real PostgreSQL (the same embedded server `npm start` uses) for the whole test run.
 * Migrations are applied once to a template database; each test file gets a copy of it. Tests
 * connect as the application role `faxport_app`, like the portal; the superuser URL is only for
 * creating and dropping databases.
 */
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { runPrismaAsync } from "../../scripts/prisma";
import { APP_ROLE, startEmbeddedPostgres } from "../../server/db/embedded-postgres";

export const TEMPLATE_DB = "faxport_template";

export default async function setup(project: TestProject) {
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(process.env.FAXPORT_TEST_PG_DIR ?? ".data/test-pg"),
    port: Number(process.env.FAXPORT_TEST_PG_PORT ?? 54330),
    portSetting: "FAXPORT_TEST_PG_PORT",
    database: "postgres",
  });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  // Leftovers of earlier runs (a crashed run cannot clean up after itself).
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'faxport_test_%' OR datname = $1",
    [TEMPLATE_DB],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}" OWNER ${APP_ROLE}`);
  await admin.end();

  const code = await runPrismaAsync(["migrate", "deploy"], server.appUrlFor(TEMPLATE_DB));
  if (code !== 0) throw new Error("prisma migrate deploy failed on the test template database");

  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgAppUrl", server.appUrlFor("{db}"));
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser, maintenance database: only for CREATE/DROP DATABASE. */
    pgAdminUrl: string;
    /** The application role; replace `{db}` with a database name. */
    pgAppUrl: string;
    pgTemplate: string;
  }
}
