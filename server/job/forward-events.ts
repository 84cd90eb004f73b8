/**
 * With an Inngest server, app events reach it from the outbox (JobEvent rows that sendEvent stored
 * in the transaction of their cause): right after the commit (here), and again from the forwarder
 * that `npm start` runs in place of the embedded runner (inngest/event-forwarder.ts), for whatever a
 * failure or a crash left behind. Each event keeps its id, which Inngest uses as an idempotency key:
 * an event sent twice (a reply lost, a crash after sending) is still one event. A forwarded row
 * gets `fannedOutAt`.
 */
import { systemDb } from "../db/system-db";
import { inngest } from "./inngest-client";
export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** Hands events to Inngest's event API (the app's client; its SDK retries briefly with the same ids). */
export type Deliver = (events: StoredEvent[]) => Promise<unknown>;

export const toInngest: Deliver = (events) => inngest.send(events);

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
  await systemDb().$executeRaw`UPDATE "JobEvent" SET "fannedOutAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ANY(${ids}) AND "fannedOutAt" IS NULL`;
}
