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
 * transaction's writes: inside Prisma's transaction once that is open, else on a scoped connection
 * of its own (plain-read.ts) — about half of Prisma's cost for the hottest reads (bench/scoped-queries.ts). Cast counts
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
 * it throws. Two kinds, both in the same scope: Prisma's transaction (`tx`, and `sql` once that is
 * open), and before it a plain read (`sql` as the first query, plain-read.ts), which ends — it
 * changed nothing — when Prisma's opens.
 */
export async function withScope<T>(scope: Scope, fn: (tx: Tx, sql: Sql) => Promise<T>): Promise<T> {
  const state: { prisma: ScopedTransaction | null; plain: PlainRead | null; plainEnded: Promise<void> | null } = {
    prisma: null,
    plain: null,
    plainEnded: null,
  };
  const open = () => {
    if (!state.prisma) {
      if (state.plain) {
        state.plainEnded = state.plain.finish(true);
        state.plainEnded.catch(() => {}); // awaited when fn ends; meanwhile not an unhandled rejection
      }
      state.prisma = openScopedTransaction(scope);
    }
    return state.prisma.tx;
  };
  const sql: Sql = async <R>(text: string, values: readonly unknown[] = []) => {
    if (state.prisma) return (await state.prisma.tx).$queryRawUnsafe<R[]>(text, ...values);
    state.plain ??= openPlainRead(scope);
    return state.plain.query<R>(text, values);
  };
  const endPlain = (commit: boolean) => state.plainEnded ?? state.plain?.finish(commit);
  let value: T;
  try {
    value = await fn(lazyTx(open), sql);
  } catch (error) {
    await Promise.allSettled([state.prisma?.end(false), endPlain(false)]);
    throw error;
  }
  // Both end either way (a failed plain COMMIT must not leave Prisma's transaction open); a failed
  // commit is the caller's failure.
  await Promise.all([endPlain(true), state.prisma?.end(true)]);
  return value;
}

interface ScopedTransaction {
  /** The transaction client, once BEGIN and the scope's settings have run; rejects if it could not open. */
  tx: Promise<Tx>;
  /** Commits (true) or rolls back (false) and waits until Prisma has ended it. */
  end(commit: boolean): Promise<void>;
}

const ROLLBACK = new Error("rolled back by withScope");

/** Prisma's interactive transaction in `scope`, opened now, held open until `end`. */
function openScopedTransaction(scope: Scope): ScopedTransaction {
  const t0 = performance.now();
  let t1 = 0;
  let decide: (commit: boolean) => void = () => {};
  const decided = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  let ready: (tx: Tx) => void = () => {};
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
        ready(tx);
        const commit = await decided;
        t1 = performance.now();
        if (!commit) throw ROLLBACK;
      },
      { timeout: 20_000, maxWait: 10_000 },
    ),
  );
  const ended = started.then(() => {
    recordSpan("tx-close", performance.now() - t1);
    recordSpan("tx", performance.now() - t0);
  });
  const tx = new Promise<Tx>((resolve, reject) => {
    ready = resolve;
    ended.catch(reject); // failed to open (no connection, set_config refused); later failures: see end
  });
  return {
    tx,
    async end(commit) {
      decide(commit);
      if (commit) await ended;
      else await ended.catch(() => {});
    },
  };
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
