/**
 * The one door to the database outside any tenant's scope: the application role with row-level
 * security not switched on, seeing every organisation's rows. Only for the system's own work —
 * sign-in lookups, host → organisation resolution, sessions and throttles, mail, job bookkeeping
 * (a job marking its own fax or document), crons. Work done for a person, or that should see one
 * organisation only, goes through `runInScope` (run-in-scope.ts) instead. Named so that every
 * unscoped query says so where it is written (`grep -rn systemDb` lists them all); the layer check
 * (scripts/check-layers.mjs) keeps the Prisma client itself inside server/db/.
 */
import { type Db, getDb } from "./client";

export function systemDb(): Db {
  return getDb();
}
