/**
 * The portal connects as `faxport_app`, not as a superuser: a scoped transaction that escapes its
 * role with RESET ROLE (say, through a future injection) lands on a role that owns the tables but
 * has no power over the server — no programs, no server files, no other roles.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { APP_ROLE, ensureAppDatabase } from "../../server/db/app-role";
import { withScope } from "../../server/db/scope";
import { makeTenant } from "../support/fixtures";

/** Runs `sql` inside a tenant-scoped transaction after leaving the scoped role. */
async function afterResetRole<T>(tenantId: string, sql: string): Promise<T[]> {
  return withScope({ kind: "tenant", tenantId }, async (tx) => {
    await tx.$executeRawUnsafe("RESET ROLE");
    return tx.$queryRawUnsafe<T[]>(sql);
  });
}

describe("the role the portal connects as", () => {
  it("is what RESET ROLE returns to inside a scoped transaction, and is no superuser", async () => {
    const { tenant } = await makeTenant("Least Privilege", "least-privilege.localhost");
    const [who] = await afterResetRole<{ user: string; superuser: boolean; createrole: boolean; bypassrls: boolean }>(
      tenant.id,
      `SELECT current_user::text AS user, rolsuper AS superuser, rolcreaterole AS createrole, rolbypassrls AS bypassrls
       FROM pg_roles WHERE rolname = current_user`,
    );
    expect(who).toEqual({ user: APP_ROLE, superuser: false, createrole: false, bypassrls: false });
  });

  it("cannot run programs, read server files or become the superuser", async () => {
    const { tenant } = await makeTenant("Least Privilege Two", "least-privilege-2.localhost");
    await expect(afterResetRole(tenant.id, "COPY (SELECT 1) TO PROGRAM 'true'")).rejects.toThrow(
      /permission denied|must be superuser/i,
    );
    await expect(afterResetRole(tenant.id, "SELECT pg_read_file('/etc/hostname')")).rejects.toThrow(
      /permission denied/i,
    );
    await expect(afterResetRole(tenant.id, "SET ROLE postgres")).rejects.toThrow(/permission denied/i);
    await expect(afterResetRole(tenant.id, `ALTER ROLE ${APP_ROLE} SUPERUSER`)).rejects.toThrow(/permission denied/i);
  });
});

describe("a database made when everything ran as the superuser", () => {
  it("is handed over to the application role on start", async () => {
    const adminUrl = inject("pgAdminUrl");
    const name = `faxport_test_old_${randomBytes(4).toString("hex")}`;
    const run = async (url: string, sql: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };
    const oldUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
    await run(adminUrl, `CREATE DATABASE "${name}"`); // owned by the superuser, as before
    await run(
      oldUrl,
      `CREATE TYPE "Kind" AS ENUM ('a', 'b');
       CREATE TABLE "Thing" (id serial PRIMARY KEY, kind "Kind");
       CREATE SEQUENCE loose_seq;
       CREATE FUNCTION thing_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM "Thing"';`,
    );
    try {
      await ensureAppDatabase(adminUrl, name, APP_ROLE);
      const owners = await run(
        oldUrl,
        `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()
         UNION ALL SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'public'::regnamespace
         UNION ALL SELECT pg_get_userbyid(typowner) FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
         UNION ALL SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
      );
      expect(new Set(owners.map((r) => r.owner))).toEqual(new Set([APP_ROLE]));
      // The application role can now migrate it.
      const appUrl = inject("pgAppUrl").replace("{db}", name);
      await run(appUrl, `ALTER TABLE "Thing" ADD COLUMN note text; INSERT INTO "Thing"(kind) VALUES ('a')`);
      expect(await run(appUrl, "SELECT thing_count()::int AS n")).toEqual([{ n: 1 }]);
    } finally {
      await run(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
