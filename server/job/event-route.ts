/**
 * Events reach the embedded runner through the Inngest client itself: the client is given this
 * `fetch`, which answers the SDK's "send events" request and passes every other request through.
 * So `inngest.send()` and `step.sendEvent()` work unchanged:
 * - in a process running a runner, the runner stores the events and their runs at once;
 * - in another process of the embedded default (the Next.js server that `npm start` spawns), the
 *   events are stored in the JobEvent table and a runner worker fans them out;
 * - with an Inngest server configured (INNGEST_SIGNING_KEY or INNGEST_DEV=1), they go to it.
 * Events sent while a step runs are held back and stored in the same transaction as the step's
 * result, so a step's events are sent exactly when its result is kept.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { readSentEvents, sentEventsResponse } from "./inngest-send-request";

export interface IncomingEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

export interface EventSink {
  accept(events: IncomingEvent[]): Promise<void>;
}

// On globalThis: Next.js may bundle a second copy of this module into the same process.
const shared = globalThis as unknown as { faxportEventSinks?: EventSink[] };
shared.faxportEventSinks ??= [];
const sinks = shared.faxportEventSinks;

/** An Inngest server runs the jobs (the same test as app/api/inngest). */
export function inngestServerConfigured(): boolean {
  return !!process.env.INNGEST_SIGNING_KEY || process.env.INNGEST_DEV === "1";
}
const heldEvents = new AsyncLocalStorage<IncomingEvent[]>();

/** Makes `sink` receive this process's events until the returned function is called. */
export function installEventSink(sink: EventSink): () => void {
  sinks.push(sink);
  return () => {
    const at = sinks.lastIndexOf(sink);
    if (at >= 0) sinks.splice(at, 1);
  };
}

/** Runs `fn`, holding back the events it sends; they are returned to be stored with its result. */
export async function holdEvents<T>(fn: () => Promise<T>): Promise<{ result: T; events: IncomingEvent[] }> {
  const events: IncomingEvent[] = [];
  const result = await heldEvents.run(events, fn);
  return { result, events };
}

export const routeEvents: typeof fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const raw = readSentEvents(url, init);
  if (!raw || (!sinks.length && inngestServerConfigured())) return fetch(input, init);
  const sink = sinks.at(-1) ?? databaseSink;
  const events = raw.map((e) => ({
    id: typeof e.id === "string" && e.id ? e.id : randomUUID(),
    name: String(e.name),
    data: (e.data ?? {}) as Record<string, unknown>,
    ts: typeof e.ts === "number" ? e.ts : Date.now(),
  }));
  const held = heldEvents.getStore();
  if (held) held.push(...events);
  else await sink.accept(events);
  return sentEventsResponse(events.map((e) => e.id));
};

/** Without a runner in this process: store the events for a runner worker to fan out. */
const databaseSink: EventSink = {
  async accept(events) {
    const { systemDb } = await import("../db/system-db");
    const db = systemDb();
    await db.$transaction(async (tx) => {
      for (const e of events) {
        await tx.$executeRaw`INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt")
          VALUES (${e.id}, ${e.name}, ${JSON.stringify(e.data)}::jsonb,
            ${new Date(e.ts).toISOString()}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
          ON CONFLICT (id) DO NOTHING`;
      }
      await tx.$executeRaw`SELECT pg_notify('faxport_jobs', '')`;
    });
  },
};

/**
 * Options for every Inngest client whose functions the embedded runner runs. The event key only
 * satisfies the SDK's check; it is not sent anywhere while the runner handles events.
 */
export const embeddedClientOptions = {
  eventKey: process.env.INNGEST_EVENT_KEY || "embedded-runner",
  fetch: routeEvents,
};
