/**
 * The steps every way a fax can end without the send job's own last call shares (a run that gave up,
 * a run cancelled from the Jobs page): its transmission report, without a page image, unless one was
 * made already — then the sender's result email.
 */
import { transactionalStep } from "@/inngest/transactional-step";
import { mailFaxResult } from "@/server/fax/fax-result-email";
import { makeFaxReport } from "@/server/fax/make-fax-report";
import { sendFaxRuntime } from "@/server/fax/send-fax-runtime";

type Step = { run: <T>(id: string, fn: () => Promise<T>) => Promise<unknown> };

export async function reportAndMailEndedFax(ctx: { step: Step; runId: string }, faxJobId: string) {
  await transactionalStep(ctx, "transmission report", async (transaction) => {
    const runtime = sendFaxRuntime();
    return makeFaxReport({
      db: await transaction(),
      storage: runtime.storage,
      faxJobId,
      firstPage: null,
      now: runtime.now(),
      ifMissing: true,
    });
  });
  // Marked mailed in the transaction that queues it (fax-result-email.ts): asked again, it mails nothing.
  await ctx.step.run("email the result", () => mailFaxResult(faxJobId));
}
