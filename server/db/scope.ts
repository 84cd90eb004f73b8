/**
 * The one tenant-scoping mechanism. `withScope` opens a transaction, switches to the
 * `faxport_scoped` role and sets the tenant (or platform) for PostgreSQL's row-level security
 * policies, so a query that forgets a `where tenantId` still cannot see another tenant's rows.
 */
import type { Prisma } from "@prisma/client";
import { recordSpan, timed } from "../http/request-profile";
import { getDb } from "./client";

export type Tx = Prisma.TransactionClient;

export type Scope =
  | { kind: "platform" } // platform administrator: every tenant, never document contents
  | { kind: "tenant"; tenantId: string };

export async function withScope<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const t0 = performance.now();
  let t1 = 0;
  const result = await getDb().$transaction(
    async (tx) => {
      recordSpan("tx-open", performance.now() - t0);
      await timed(
        "set-config",
        () => tx.$queryRaw`SELECT set_config('role', 'faxport_scoped', true),
        set_config('app.tenant_id', ${scope.kind === "tenant" ? scope.tenantId : ""}, true),
        set_config('app.platform', ${scope.kind === "platform" ? "on" : "off"}, true)`,
      );
      const value = await fn(tx);
      t1 = performance.now();
      return value;
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
  recordSpan("tx-close", performance.now() - t1);
  recordSpan("tx", performance.now() - t0);
  return result;
}
