/**
 * The plain-SQL side of a scoped transaction (see `Sql` in scope.ts): a connection borrowed from
 * the process's one pool (client.ts, the one under Prisma) that opens `BEGIN` with the scope's
 * row-level-security settings in the same round trip, runs reads in order, and ends with COMMIT (or
 * ROLLBACK) before it goes back. Opened only when a request's first query is a plain read, so such a
 * request never pays for Prisma's transaction: about half the cost of the same SQL through Prisma
 * (bench/scoped-queries.ts prints both).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { recordSpan, timed } from "../http/request-profile";
import { getPool } from "./client";
import type { Scope } from "./scope";
import { beginIn } from "./scoped-begin";

export interface PlainRead {
  query<R>(text: string, values: readonly unknown[]): Promise<R[]>;
  /** COMMIT (true) or ROLLBACK (false), then the connection goes back to the pool. */
  finish(commit: boolean): Promise<void>;
}

const TIMESTAMP_OID = 1114;
// Prisma's DateTime columns are `timestamp(3)` holding UTC; node-pg would read them as local time.
const utcTimestamps = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID && format !== "binary") return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
};

async function begin(client: pg.PoolClient, scope: Scope) {
  const inline = beginIn(scope);
  if (inline) {
    await client.query(inline); // simple query: BEGIN and the settings in one round trip
    return;
  }
  await client.query("BEGIN");
  await client.query(
    "SELECT set_config('role', 'faxport_scoped', true), set_config('app.tenant_id', $1, true), set_config('app.platform', $2, true)",
    [scope.kind === "tenant" ? scope.tenantId : "", scope.kind === "platform" ? "on" : "off"],
  );
}

export function openPlainRead(scope: Scope): PlainRead {
  const t0 = performance.now();
  const ready: Promise<pg.PoolClient> = (async () => {
    const client = await getPool().connect();
    try {
      await begin(client, scope);
    } catch (error) {
      client.release(error as Error); // never reuse a connection whose scope is unknown
      throw error;
    }
    recordSpan("tx-open", performance.now() - t0);
    return client;
  })();
  let failed = false;
  return {
    async query<R>(text: string, values: readonly unknown[]) {
      const client = await ready;
      try {
        // Named, so each connection parses and plans a statement once and then only executes it
        // (the texts are fixed strings with parameters; PostgreSQL re-plans when the role differs).
        const name = `fx_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
        const result = await timed("sql", () =>
          client.query({ name, text, values: [...values], types: utcTimestamps }),
        );
        return result.rows as R[];
      } catch (error) {
        failed = true;
        throw error;
      }
    },
    async finish(commit: boolean) {
      let client: pg.PoolClient;
      try {
        client = await ready;
      } catch {
        return; // never opened: nothing to end
      }
      try {
        await timed("sql-commit", () => client.query(commit && !failed ? "COMMIT" : "ROLLBACK"));
        client.release();
      } catch (error) {
        client.release(error as Error);
        if (commit) throw error;
      }
      recordSpan("tx", performance.now() - t0);
    },
  };
}
