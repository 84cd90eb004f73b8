/**
 * The one tenant-scoping mechanism. `withScope` opens a transaction, switches to the
 * `faxport_scoped` role and sets the tenant (or platform) for PostgreSQL's row-level security
 * policies, so a query that forgets a `where tenantId` still cannot see another tenant's rows.
 */
import type { Prisma } from "@prisma/client";
import { getDb } from "./client";

export type Tx = Prisma.TransactionClient;

export type Scope =
  | { kind: "platform" } // platform administrator: every tenant, never document contents
  | { kind: "tenant"; tenantId: string };

export async function withScope<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('role', 'faxport_scoped', true),
        set_config('app.tenant_id', ${scope.kind === "tenant" ? scope.tenantId : ""}, true),
        set_config('app.platform', ${scope.kind === "platform" ? "on" : "off"}, true)`;
      return fn(tx);
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}
