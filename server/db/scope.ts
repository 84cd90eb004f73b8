/**
 * The one tenant-scoping mechanism. `withScope` opens a transaction, switches to the
 * `faxport_scoped` role and sets the tenant (or platform) for PostgreSQL's row-level security
 * policies, so a query that forgets a `where tenantId` still cannot see another tenant's rows.
 */
import type { Prisma } from "@prisma/client";
import { recordSpan, timed } from "../http/request-profile";
import { getDb } from "./client";
import { openPlainRead, type PlainRead } from "./plain-read";
import { claimScopedBegin } from "./scoped-begin";

export type Tx = Prisma.TransactionClient;

/**
 * A read in plain SQL (positional `$1` parameters), in the same scope and seeing the same
 * transaction's writes: inside Prisma's transaction once that is open, else on a scoped node-pg
 * connection of its own — a fraction of Prisma's per-query cost, for the hottest reads. Cast counts
 * to int (`count(*)::int`) so both paths return numbers.
 */
export type Sql = <R>(text: string, values?: readonly unknown[]) => Promise<R[]>;

export type Scope =
  | { kind: "platform" } // platform administrator: every tenant, never document contents
  | { kind: "tenant"; tenantId: string };

/**
 * Runs `fn` with a scoped transaction. The transaction opens on `fn`'s first query, so work that
 * turns out to need no database (say, returning who is signed in) costs no round trip; every query
 * still runs inside it, after the scope is set. It commits when `fn` resolves and rolls back when
 * it throws.
 */
export async function withScope<T>(scope: Scope, fn: (tx: Tx, sql: Sql) => Promise<T>): Promise<T> {
  let opened: Promise<Tx> | null = null;
  let plain: PlainRead | null = null;
  let plainDone: Promise<void> | null = null;
  let transaction: Promise<unknown> | null = null;
  let finish: (outcome: { ok: true } | { ok: false; error: unknown }) => void = () => {};
  const finished = new Promise<{ ok: true } | { ok: false; error: unknown }>((resolve) => {
    finish = resolve;
  });
  const open = () => {
    // Reads done so far on the plain connection end there (they changed nothing); from now on
    // everything, plain SQL included, runs in Prisma's transaction and sees its writes.
    if (plain && !plainDone) plainDone = plain.finish(true);
    opened ??= new Promise<Tx>((resolve, reject) => {
      const t0 = performance.now();
      let t1 = 0;
      const { claim, started } = claimScopedBegin(scope, () =>
        getDb().$transaction(
          async (tx) => {
            recordSpan("tx-open", performance.now() - t0);
            // Normally the settings came with BEGIN (scoped-begin.ts); otherwise they are set here.
            if (!claim.applied) {
              await timed(
                "set-config",
                () => tx.$queryRaw`SELECT set_config('role', 'faxport_scoped', true),
                  set_config('app.tenant_id', ${scope.kind === "tenant" ? scope.tenantId : ""}, true),
                  set_config('app.platform', ${scope.kind === "platform" ? "on" : "off"}, true)`,
              );
            }
            resolve(tx);
            const outcome = await finished;
            t1 = performance.now();
            if (!outcome.ok) throw outcome.error; // rolls back
          },
          { timeout: 20_000, maxWait: 10_000 },
        ),
      );
      transaction = started.then(() => {
        recordSpan("tx-close", performance.now() - t1);
        recordSpan("tx", performance.now() - t0);
      });
      transaction.catch(reject); // failed to open (no connection, set_config refused)
    });
    return opened;
  };
  const sql: Sql = async <R>(text: string, values: readonly unknown[] = []) => {
    if (opened) return (await opened).$queryRawUnsafe<R[]>(text, ...values);
    plain ??= openPlainRead(scope);
    return plain.query<R>(text, values);
  };
  let value: T;
  try {
    value = await fn(lazyTx(open), sql);
  } catch (error) {
    finish({ ok: false, error });
    await (transaction as Promise<unknown> | null)?.catch(() => {});
    await (plainDone ?? (plain as PlainRead | null)?.finish(false))?.catch(() => {});
    throw error;
  }
  finish({ ok: true });
  await (plainDone ?? (plain as PlainRead | null)?.finish(true));
  await transaction; // the commit: its failure is the caller's failure
  return value;
}

/**
 * A transaction client that opens the transaction when first asked for a query: `db.user.findMany(…)`,
 * `db.$queryRaw\`…\`` and the rest become "open, then run it in the transaction".
 */
function lazyTx(open: () => Promise<Tx>): Tx {
  const members = new Map<PropertyKey, unknown>();
  const call =
    (path: PropertyKey[]) =>
    (...args: unknown[]) =>
      open().then((tx) => {
        let target: Record<PropertyKey, unknown> = tx as unknown as Record<PropertyKey, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<PropertyKey, unknown>;
        const method = target[path[path.length - 1]!] as (...a: unknown[]) => unknown;
        return method.apply(target, args);
      });
  return new Proxy({} as Tx, {
    get(_target, key) {
      if (key === "then" || typeof key === "symbol") return undefined; // not a promise itself
      let member = members.get(key);
      if (!member) {
        member = key.startsWith("$")
          ? call([key])
          : new Proxy(
              {},
              {
                get: (_t, method) =>
                  method === "then" || typeof method === "symbol" ? undefined : call([key, method]),
              },
            );
        members.set(key, member);
      }
      return member;
    },
  });
}
