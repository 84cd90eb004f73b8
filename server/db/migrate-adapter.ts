/**
 * Driver adapter for the Prisma CLI (migrate deploy/dev/diff) so migrations run offline with
 * Prisma's WASM schema engine instead of the native engine it cannot download here.
 * Works around four adapter bugs met with Prisma 6.19 (the first three are in STACK-NOTES.md):
 *  1. catalog columns of type `name` (oid 19) and `"char"` (oid 18) cannot be deserialized → report as text;
 *  2. a `connectionString` would make the shadow database the main one → pass separate fields;
 *  3. the shadow database was dropped while its pool was still open → close the pool first, then DROP … FORCE;
 *  4. executeScript splits a migration on every `;`, breaking `DO $$ … $$` blocks → send the script whole
 *     (PostgreSQL's simple query protocol runs it as one implicit transaction).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const CATALOG_TEXT_OIDS = new Set([18, 19]); // "char", name
const CATALOG_TEXT_ARRAY_OIDS = new Set([1002, 1003]); // "char"[], name[] (e.g. pg_policies.roles)

function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    // The CLI does not always dispose the adapter (`db push`): idle connections would keep it
    // running for another 10 s after its work is done.
    allowExitOnIdle: true,
  };
}

type QueryResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[][] };

function patchResult<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    else if (CATALOG_TEXT_ARRAY_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY_OID;
  }
  return result;
}

function catalogSafePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const out = poolQuery(...args);
    return out instanceof Promise ? out.then(patchResult) : out;
  };
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const out = original(...args);
      return out instanceof Promise ? out.then(patchResult) : out;
    };
  });
  return pool;
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function wholeScripts(adapter: Adapter): Adapter {
  const client = adapter.underlyingDriver() as pg.Pool;
  const reportError = (adapter as unknown as { onError: (e: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await client.query(script);
    } catch (error) {
      reportError(error); // rethrows as a DriverAdapterError the engine can print
    }
  };
  return adapter;
}

class MigrateAdapterFactory extends PrismaPg {
  constructor(private readonly fields: pg.PoolConfig) {
    super(catalogSafePool(fields), { disposeExternalPool: true });
  }

  override async connect() {
    return wholeScripts(await super.connect());
  }

  override async connectToShadowDb() {
    const shadowName = `prisma_shadow_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(this.fields);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadow = new PrismaPg(catalogSafePool({ ...this.fields, database: shadowName }), {
      disposeExternalPool: true,
    });
    const adapter = wholeScripts(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client(this.fields);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await cleanup.end();
    };
    return adapter;
  }
}

export function migrateAdapter(url: string) {
  return new MigrateAdapterFactory(connectionFields(url));
}
