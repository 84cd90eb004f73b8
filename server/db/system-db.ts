/**
 * The database outside any tenant's scope, named so that every such use says so where it is
 * written (`grep -rn "systemDb\|StepDb"` lists them all). Both are the application role with
 * row-level security not switched on, seeing every organisation's rows: only for the system's own
 * work, and every query names its rows itself. Work done for a person, or that should see one
 * organisation only, goes through `runInScope` (run-in-scope.ts) instead. The layer check
 * (scripts/check-layers.mjs) keeps the Prisma client itself inside server/db/.
 */
import type pg from "pg";
import { type Db, getDb } from "./client";

/**
 * Prisma, unscoped: sign-in lookups, host → organisation resolution, sessions and throttles, mail,
 * job bookkeeping (a job marking its own fax or document), crons.
 */
export function systemDb(): Db {
  return getDb();
}

/**
 * A job step's own transaction (`stepTransaction()`, inngest/runner/step-transaction.ts): a
 * connection of the job runner's pool whose transaction commits together with the step's recorded
 * result, handed to the services the step calls. Unscoped like systemDb().
 */
export type StepDb = pg.PoolClient;
