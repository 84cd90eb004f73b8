/**
 * One run per outbound fax (one destination). Each attempt is two steps — find a trunk and open the
 * attempt row; place the call and record its result — each a transactional step (its database work
 * commits once, with its result, on either runner), so a crash or a step asked for again neither
 * records nor dials an attempt twice. Between attempts the run sleeps durably for
 * the job's retry spacing; a fax cancelled meanwhile is seen when it wakes and dials no more.
 */
import { type Transaction, transactionalStep } from "@/inngest/transactional-step";
import { systemDb } from "@/server/db/system-db";
import { mailFaxResult } from "@/server/fax/fax-result-email";
import { makeFaxReport } from "@/server/fax/make-fax-report";
import { placeFaxCall } from "@/server/fax/place-fax-call";
import { recordFaxAttempt } from "@/server/fax/record-fax-attempt";
import { SEND_FAX_EVENT, sendFaxEventSchema } from "@/server/fax/send-fax-event";
import { sendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { startFaxAttempt } from "@/server/fax/start-fax-attempt";
import { inngest } from "@/server/job/inngest-client";
import { reportAndMailEndedFax } from "./fax-ended-steps";

/** Attempts are bounded by the job's policy (at most 10); this only guards the loop. */
const MAX_ATTEMPTS = 10;
/** Looking for a free trunk gives up after this many waits (at 5 s: about an hour). */
const MAX_TRUNK_WAITS = 720;

const seconds = (ms: number) => `${Math.max(1, Math.ceil(ms / 1_000))}s`;

export const sendFaxFunction = inngest.createFunction(
  {
    id: "send-fax",
    triggers: { event: SEND_FAX_EVENT },
    retries: 5,
    // The run gave up on an error: the fax must not stay "Dialing" for ever, nor keep its key.
    onFailure: async ({ event, step, runId }) => {
      const parsed = sendFaxEventSchema.safeParse(event.data.event.data);
      if (!parsed.success) return;
      await step.run("mark the fax failed", async () => {
        await systemDb().faxJob.updateMany({
          where: { id: parsed.data.faxJobId, status: { in: ["QUEUED", "IN_PROGRESS"] } },
          data: {
            status: "FAILED",
            failureReason: "GENERAL_ERROR",
            callState: null,
            completedAt: sendFaxRuntime().now(),
            gatewaySealedKey: null,
          },
        });
      });
      await reportAndMailEndedFax({ step, runId }, parsed.data.faxJobId);
    },
  },
  async ({ event, step, runId }) => {
    const { faxJobId } = sendFaxEventSchema.parse(event.data);
    const ctx = { step, runId };
    const ended = await (async () => {
      const start = (attemptNumber: number) => async (transaction: Transaction) => {
        const db = await transaction();
        const runtime = sendFaxRuntime();
        const started = await startFaxAttempt({ db, runtime, faxJobId, attemptNumber });
        // Ended without a call (cancelled while queued): the report still records it, without a page image.
        if (started.kind === "ended") {
          await makeFaxReport({
            db,
            storage: runtime.storage,
            faxJobId,
            firstPage: null,
            now: runtime.now(),
            ifMissing: true,
          });
        }
        return started;
      };
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        let started = await transactionalStep(ctx, `attempt ${attempt}: take a trunk`, start(attempt));
        for (let wait = 1; started.kind === "wait"; wait++) {
          if (wait > MAX_TRUNK_WAITS) return { status: "NO_TRUNK" };
          await step.sleep(`attempt ${attempt}: wait for a free trunk (${wait})`, seconds(started.ms));
          started = await transactionalStep(ctx, `attempt ${attempt}: take a trunk (${wait + 1})`, start(attempt));
        }
        if (started.kind === "ended") return { status: started.status };
        const { attemptId } = started;
        const decision = await transactionalStep(ctx, `attempt ${attempt}: call`, async (transaction) => {
          const runtime = sendFaxRuntime();
          const { result, answeredAt, firstPage } = await placeFaxCall({ runtime, attemptId });
          const db = await transaction();
          const now = runtime.now();
          const decision = await recordFaxAttempt({ db, attemptId, result, answeredAt, now });
          // The fax has ended: its transmission report, committed with this step's result.
          if (decision.kind === "ended") {
            await makeFaxReport({
              db,
              storage: runtime.storage,
              faxJobId,
              firstPage: firstPage ?? null,
              now,
            });
          }
          return decision;
        });
        if (decision.kind === "ended") return { status: decision.status };
        await step.sleep(`attempt ${attempt}: wait before retrying`, seconds(decision.ms));
      }
      return { status: "FAILED" };
    })();
    // The sender's choice of result emails (server/fax/fax-result-email.ts); it reads the fax's final state.
    if (ended.status !== "DELETED") await step.run("email the result", () => mailFaxResult(faxJobId));
    return ended;
  },
);
