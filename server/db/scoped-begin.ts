/**
 * One round trip fewer per scoped transaction: the scope's settings travel with BEGIN
 * (`BEGIN; SELECT set_config(…)` as one simple query) instead of as a statement of their own.
 * `withScope` asks for it with `claimScopedBegin` around its `$transaction` call only; the first
 * BEGIN sent in that call's context takes the claim and marks it applied once PostgreSQL has run
 * both statements on that connection. When the claim was not applied (another path, an odd value),
 * `withScope` sends the settings itself as before, so the scope is never assumed.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import type { Scope } from "./scope";

export interface BeginClaim {
  scope: Scope;
  taken: boolean;
  applied: boolean;
}

const g = globalThis as unknown as { faxportBeginClaims?: AsyncLocalStorage<BeginClaim> };
g.faxportBeginClaims ??= new AsyncLocalStorage<BeginClaim>();
const claims = g.faxportBeginClaims;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function claimScopedBegin<T>(scope: Scope, start: () => Promise<T>): { claim: BeginClaim; started: Promise<T> } {
  const claim: BeginClaim = { scope, taken: false, applied: false };
  return { claim, started: claims.run(claim, start) };
}

/** The SQL that opens a transaction already in `scope`; null when a value is not one we inline. */
export function beginIn(scope: Scope): string | null {
  if (scope.kind === "platform") {
    return "BEGIN; SELECT set_config('role', 'faxport_scoped', true), set_config('app.tenant_id', '', true), set_config('app.platform', 'on', true)";
  }
  if (!UUID.test(scope.tenantId)) return null; // only a plain UUID is ever written into SQL
  return `BEGIN; SELECT set_config('role', 'faxport_scoped', true), set_config('app.tenant_id', '${scope.tenantId}', true), set_config('app.platform', 'off', true)`;
}

type QueryConfig = { text?: string; values?: unknown[] };

/**
 * Lets BEGIN carry a claimed scope on every connection of `pool`. Relies on how @prisma/adapter-pg
 * opens a transaction: `client.query({ text: "BEGIN", values: [] , … }, [])` on a client it checked
 * out of the pool it was given. tests/integration/scoped-begin.test.ts pins that (and the adapter's
 * version): if it changes, the claim is not applied, withScope sends the settings itself, and that
 * test fails so the change is looked at.
 */
export function sendScopeWithBegin(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [config] = args;
      const claim = claims.getStore();
      const c = config as QueryConfig;
      const callback = args.some((a) => typeof a === "function");
      if (
        claim &&
        !claim.taken &&
        !callback &&
        typeof config === "object" &&
        c?.text === "BEGIN" &&
        !c.values?.length
      ) {
        claim.taken = true;
        const text = beginIn(claim.scope);
        if (text) {
          // No parameters: pg sends a simple query, which may hold two statements.
          return query({ ...c, text, values: undefined }).then((result) => {
            claim.applied = true;
            return Array.isArray(result) ? result[0] : result;
          });
        }
      }
      return query(...args); // everything else as it came, callbacks included
    };
  });
}
