/**
 * A send-fax run was cancelled (Jobs page): its fax ends as Cancelled, as a person's own cancel
 * ends it (server/fax/end-fax-of-cancelled-run.ts) — a call on the line is hung up first — then,
 * as when any fax ends, its transmission report and the sender's result email.
 */
import { cancelledRunTrigger } from "@/inngest/runner/function-registry";
import { transactionalStep } from "@/inngest/transactional-step";
import { endFaxOfCancelledRun, MAX_HANG_UP_LOOKS } from "@/server/fax/end-fax-of-cancelled-run";
import { sendFaxEventSchema } from "@/server/fax/send-fax-event";
import { sendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { inngest } from "@/server/job/inngest-client";
import { reportAndMailEndedFax } from "./fax-ended-steps";
import { sendFaxFunction } from "./send-fax";

/** How long the call gets between looks (cancel requests reach the gateway within a second or two). */
const LOOK_EVERY = "5s";

export const sendFaxCancelledFunction = inngest.createFunction(
  { id: "send-fax-cancelled", triggers: [cancelledRunTrigger(sendFaxFunction)], retries: 5 },
  async ({ event, step, runId }) => {
    const parsed = sendFaxEventSchema.safeParse((event.data as { event?: { data?: unknown } }).event?.data);
    if (!parsed.success) return { status: "UNKNOWN" };
    const { faxJobId } = parsed.data;
    const ctx = { step, runId };
    const endFax = (id: string, look: number) =>
      transactionalStep(ctx, id, async (transaction) =>
        endFaxOfCancelledRun({ db: await transaction(), faxJobId, now: sendFaxRuntime().now(), look }),
      );
    let state = await endFax("end the fax as cancelled", 0);
    for (let look = 1; state !== "ended" && look <= MAX_HANG_UP_LOOKS; look++) {
      await step.sleep(`wait for the call to end (${look})`, LOOK_EVERY);
      state = await endFax(`end the fax as cancelled (${look})`, look);
    }
    await reportAndMailEndedFax(ctx, faxJobId);
    return { status: "CANCELLED" };
  },
);
