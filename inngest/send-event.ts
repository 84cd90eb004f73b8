/**
 * Sends an event from app code once the work that caused it has committed: a rolled-back change
 * starts no job. Call it inside `runInScope` (tRPC procedures, route handlers, steps).
 */
import type { ScopedContext } from "@/server/db/run-in-scope";
import { inngest } from "./client";

export type OutgoingEvent = Parameters<typeof inngest.send>[0];

export function sendEvent(ctx: Pick<ScopedContext, "afterCommit">, event: OutgoingEvent): void {
  ctx.afterCommit(() => inngest.send(event));
}
