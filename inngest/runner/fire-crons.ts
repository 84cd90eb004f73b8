/**
 * Cron: each tick is a row keyed by (function, scheduled time), so it fires once across all
 * workers; the tick's run starts with Inngest's `inngest/scheduled.timer` event. Only the latest
 * due tick fires: a function whose ticks were missed while nothing ran fires once, not once per tick.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import type { IncomingEvent } from "@/server/job/event-route";
import type { RegisteredFunction } from "./function-registry";
import { insertRun } from "./run-rows";
import { SDK_EVENTS } from "./sdk-adapter";
import { transaction } from "./store";

/**
 * Fires each cron function's latest tick due at `now`; returns how many fired. A function with
 * no tick yet counts from `since` (when this runner started), so a new worker fires nothing old.
 */
export async function fireCrons(opts: {
  registry: Map<string, RegisteredFunction>;
  pool: pg.Pool;
  now: Date;
  since: Date;
}): Promise<number> {
  const { registry, pool, now, since } = opts;
  let fired = 0;
  for (const fn of registry.values()) {
    for (const { schedule, expression } of fn.crons) {
      const { rows } = await pool.query<{ last: Date | null }>(
        `SELECT max("scheduledAt") AS last FROM "JobCronTick" WHERE "functionId" = $1`,
        [fn.id],
      );
      let cursor = rows[0]?.last ?? new Date(since.getTime() - 1);
      let due: Date | null = null;
      for (let next = schedule.nextAfter(cursor); next <= now; next = schedule.nextAfter(next)) {
        due = next;
        cursor = next;
      }
      if (!due) continue;
      const tick = due;
      const created = await transaction(pool, async (db) => {
        const runId = randomUUID();
        const inserted = await db.query(
          `INSERT INTO "JobCronTick" ("functionId", "scheduledAt", "runId", "createdAt") VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [fn.id, at(tick), runId, at(now)],
        );
        if (!inserted.rowCount) return false;
        const event: IncomingEvent = {
          id: `cron-${fn.id}-${tick.toISOString()}`,
          name: SDK_EVENTS.scheduledTimer,
          data: { cron: expression },
          ts: tick.getTime(),
        };
        await db.query(
          `INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt", "fannedOutAt") VALUES ($1, $2, $3, $4, $5, $5)
           ON CONFLICT DO NOTHING`,
          [event.id, event.name, JSON.stringify(event.data), at(tick), at(now)],
        );
        await insertRun(db, fn, "main", event, now);
        return true;
      });
      if (created) fired++;
    }
  }
  return fired;
}
