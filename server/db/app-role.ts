/**
 * The embedded server's roles, set up by the superuser: `faxport_app` (LOGIN, no superuser, cannot
 * create roles or bypass row-level security) owns the application database, and is a member of
 * `faxport_scoped`, the role scoped transactions switch to. The application role cannot create
 * roles, so `faxport_scoped` is created here, before the migration that expects it.
 */
import pg from "pg";

/** The role the portal, migrations and tests connect as. */
export const APP_ROLE = "faxport_app";

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function ensureAppRoles(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    // Roles are cluster-wide: two processes starting at once may both try to create them.
    await c.query("SELECT pg_advisory_lock(31415926)");
    try {
      const exists = async (name: string) =>
        Boolean((await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name])).rowCount);
      if (!(await exists(role))) await c.query(`CREATE ROLE ${ident(role)} LOGIN`);
      await c.query(
        `ALTER ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOREPLICATION PASSWORD ${literal(password)}`,
      );
      if (!(await exists("faxport_scoped"))) await c.query("CREATE ROLE faxport_scoped NOLOGIN");
      // ADMIN OPTION: the row-level security migration grants the role to whoever runs it.
      await c.query(`GRANT faxport_scoped TO ${ident(role)} WITH ADMIN OPTION`);
    } finally {
      await c.query("SELECT pg_advisory_unlock(31415926)");
    }
  });
}

/**
 * Creates `database` owned by `role`, or hands an existing one (made by an earlier version, when
 * everything ran as the superuser) over to it: the database, every object in schema `public`,
 * and the default privileges later migrations rely on.
 */
export async function ensureAppDatabase(adminUrl: string, database: string, role: string): Promise<void> {
  if (database === "postgres") return; // the maintenance database stays the superuser's
  const owner = await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ owner: string }>(
      "SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1",
      [database],
    );
    if (!rows[0]) await c.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(role)}`);
    return rows[0]?.owner ?? role;
  });
  if (owner !== role) await handOver(adminUrl.replace(/\/[^/]*$/, `/${database}`), database, role);
}

async function handOver(dbUrl: string, database: string, role: string): Promise<void> {
  await withClient(dbUrl, async (c) => {
    await c.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(role)}`);
    await c.query(`
      DO $$
      DECLARE r record;
      BEGIN
        FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            AND pg_get_userbyid(c.relowner) <> ${literal(role)} LOOP
          EXECUTE format('ALTER %s %s OWNER TO ${ident(role)}',
            CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
            r.name);
        END LOOP;
        -- Sequences not owned through a table column (those moved with their table above).
        FOR r IN SELECT c.oid::regclass AS name FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
            AND pg_get_userbyid(c.relowner) <> ${literal(role)} LOOP
          EXECUTE format('ALTER SEQUENCE %s OWNER TO ${ident(role)}', r.name);
        END LOOP;
        FOR r IN SELECT t.oid::regtype AS name FROM pg_type t
          WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r', 'm')
            AND pg_get_userbyid(t.typowner) <> ${literal(role)} LOOP
          EXECUTE format('ALTER TYPE %s OWNER TO ${ident(role)}', r.name);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
          WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) <> ${literal(role)} LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO ${ident(role)}', r.name);
        END LOOP;
      END
      $$`);
    await c.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(role)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO faxport_scoped`,
    );
    await c.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(role)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO faxport_scoped`,
    );
  });
}
