/**
 * Starts the embedded job runner for `npm start` (called from scripts/serve.ts). It runs every
 * function in inngest/functions, crons included, unless an Inngest server is configured to run them.
 * Several processes may call it on one database: they share the work without running a step twice.
 */

import { inngestServerConfigured } from "@/server/job/event-route";
import { functions } from "../functions";
import { createRunner, type Runner } from "./runner";

export function startEmbeddedRunner(opts: { databaseUrl?: string; workerId?: string } = {}): Runner | null {
  if (inngestServerConfigured()) return null;
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("The job runner needs DATABASE_URL");
  // A fax call holds its run's slot for the whole call, so the slots cap concurrent calls per process
  // (16 keeps a send batch's first dials well under half a second; each slot may take a connection).
  const parallelRuns = Number(process.env.FAXPORT_JOB_SLOTS ?? 16);
  if (!Number.isInteger(parallelRuns) || parallelRuns < 1 || parallelRuns > 64)
    throw new Error("FAXPORT_JOB_SLOTS must be a whole number from 1 to 64");
  const runner = createRunner({ functions, databaseUrl, workerId: opts.workerId, parallelRuns });
  runner.start();
  return runner;
}
