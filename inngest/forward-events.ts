/**
 * With an Inngest server, app events reach it from the outbox (JobEvent rows that sendEvent stored
 * in the transaction of their cause): right after the commit, and again from the forwarder that
 * `npm start` runs in place of the embedded runner, for whatever a failure or a crash left behind.
 * Each event keeps its id, which Inngest uses as an idempotency key: an event sent twice (a reply
 * lost, a crash after sending) is still one event. A forwarded row gets `fannedOutAt`.
 */
import type pg from "pg";
import { getDb } from "@/server/db/client";
import { inngest } from "./client";
import { createPool, transaction } from "./runner/store";

export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** Hands events to Inngest's event API (the app's client; its SDK retries briefly with the same ids). */
export type Deliver = (events: StoredEvent[]) => Promise<unknown>;

const toInngest: Deliver = (events) => inngest.send(events);

/** Right after the commit: send, then mark. A failure is left to the forwarder's next sweep. */
export async function forwardEvents(events: StoredEvent[], deliver: Deliver = toInngest): Promise<void> {
  try {
    await deliver(events);
  } catch (error) {
    console.error(
      `Inngest did not take ${events.length} event(s) yet; the event forwarder will send them again:`,
      error,
    );
    return;
  }
  const ids = events.map((e) => e.id);
  await getDb().$executeRaw`UPDATE "JobEvent" SET "fannedOutAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ANY(${ids}) AND "fannedOutAt" IS NULL`;
}

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
