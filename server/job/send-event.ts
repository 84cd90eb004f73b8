/**
 * Sends an event from app code, durably: the event is stored (JobEvent, the outbox) in the
 * transaction that causes it, so it exists exactly when its cause committed — a rollback sends
 * nothing, a crash right after the commit loses nothing. Delivery follows the commit:
 * - embedded default: the stored event is the delivery; the commit wakes the runner (NOTIFY), and
 *   any runner worker fans it out (each event once, by id);
 * - with an Inngest server: it is forwarded to Inngest's event API after the commit; what a failure
 *   or a crash leaves undelivered, the event forwarder re-sends (inngest/event-forwarder.ts). Inngest drops a
 *   re-sent event whose id it has seen, so a re-send is never a second event.
 * Call it inside `runInScope` (tRPC procedures, route handlers, steps) and await it.
 */
import { randomUUID } from "node:crypto";
import type { ScopedContext } from "../db/run-in-scope";
import { inngestServerConfigured } from "./event-route";
import { forwardEvents, type StoredEvent } from "./forward-events";

export interface OutgoingEvent {
  name: string;
  data?: Record<string, unknown>;
  /** Give an id to make sending idempotent: an event with an id already stored is not stored again. */
  id?: string;
  ts?: number;
}

export async function sendEvent(
  ctx: Pick<ScopedContext, "db" | "afterCommit">,
  events: OutgoingEvent | OutgoingEvent[],
): Promise<void> {
  const stored: StoredEvent[] = (Array.isArray(events) ? events : [events]).map((e) => ({
    id: e.id ?? randomUUID(),
    name: e.name,
    data: e.data ?? {},
    ts: e.ts ?? Date.now(),
  }));
  if (!stored.length) return;
  for (const e of stored) {
    // Through app_add_event: an organisation's transaction may add events but not read them.
    await ctx.db.$executeRaw`SELECT app_add_event(${e.id}, ${e.name}, ${JSON.stringify(e.data)}::jsonb,
      (${new Date(e.ts).toISOString()}::timestamptz AT TIME ZONE 'UTC')::timestamp(3))`;
  }
  if (inngestServerConfigured()) {
    ctx.afterCommit(() => forwardEvents(stored));
  } else {
    await ctx.db.$executeRaw`SELECT pg_notify('faxport_jobs', '')`; // delivered at commit, not before
  }
}
