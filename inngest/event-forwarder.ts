/**
 * The event forwarder `npm start` runs in place of the embedded runner when an Inngest server runs
 * the jobs: it sends whatever the after-commit send (server/job/forward-events.ts) left in the
 * outbox — a failure, a crash — and marks each row `fannedOutAt`. Rows stay locked while they are
 * sent, so two forwarders never send the same batch at once.
 */
import type pg from "pg";
import { type Deliver, toInngest } from "@/server/job/forward-events";
import { createPool, transaction } from "./runner/store";

export interface EventForwarderOptions {
  databaseUrl: string;
  deliver?: Deliver;
  /** How often it looks for undelivered events. */
  intervalMs?: number;
  /** Events younger than this are left to the after-commit send that is probably under way. */
  graceMs?: number;
}

export interface EventForwarder {
  /** Sends every undelivered event older than the grace period; returns how many it sent. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 100;

export function createEventForwarder(options: EventForwarderOptions): EventForwarder {
  const deliver = options.deliver ?? toInngest;
  const graceMs = options.graceMs ?? 10_000;
  const pool = createPool(options.databaseUrl, 2);

  async function sweepBatch(): Promise<number> {
    // Rows stay locked while they are sent, so two forwarders never send the same batch at once.
    return transaction(pool, async (db: pg.PoolClient) => {
      const { rows } = await db.query<{ id: string; name: string; data: Record<string, unknown>; ts: Date }>(
        `SELECT id, name, data, ts FROM "JobEvent"
         WHERE "fannedOutAt" IS NULL AND "receivedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $1)
         ORDER BY "receivedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [graceMs / 1000],
      );
      if (!rows.length) return 0;
      await deliver(rows.map((r) => ({ id: r.id, name: r.name, data: r.data, ts: r.ts.getTime() })));
      await db.query(`UPDATE "JobEvent" SET "fannedOutAt" = now() AT TIME ZONE 'UTC' WHERE id = ANY($1)`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  return {
    async sweep() {
      let sent = 0;
      for (let n = await sweepBatch(); n > 0; n = n === BATCH ? await sweepBatch() : 0) sent += n;
      return sent;
    },
    stop: () => pool.end(),
  };
}

/** The forwarder `npm start` runs when an Inngest server runs the jobs. */
export function startEventForwarder(options: EventForwarderOptions): { stop(): Promise<void> } {
  if (!process.env.INNGEST_EVENT_KEY && process.env.INNGEST_DEV !== "1") {
    console.error("INNGEST_EVENT_KEY is not set: events cannot reach Inngest until it is (they wait in JobEvent).");
  }
  const forwarder = createEventForwarder(options);
  const intervalMs = options.intervalMs ?? 5_000;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let sweeping: Promise<unknown> = Promise.resolve();
  const tick = () => {
    sweeping = forwarder
      .sweep()
      .catch((error) => console.error("Event forwarder: Inngest did not take the events; trying again shortly:", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await sweeping;
      await forwarder.stop();
    },
  };
}
