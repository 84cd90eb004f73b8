/**
 * Starts the embedded job runner for `npm start` (called from scripts/serve.ts). It runs every
 * function in inngest/functions, crons included, unless an Inngest server is configured to run them.
 * Several processes may call it on one database: they share the work without running a step twice.
 */
import { functions } from "../functions";
import { inngestServerConfigured } from "./event-route";
import { createRunner, type Runner } from "./runner";

export function startEmbeddedRunner(opts: { databaseUrl?: string; workerId?: string } = {}): Runner | null {
  if (inngestServerConfigured()) return null;
  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("The job runner needs DATABASE_URL");
  const runner = createRunner({ functions, databaseUrl, workerId: opts.workerId });
  runner.start();
  return runner;
}
