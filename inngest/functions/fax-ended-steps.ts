/**
 * The steps every way a fax can end without the send job's own last call shares (a run that gave up,
 * a run cancelled from the Jobs page): its transmission report, without a page image, unless one was
 * made already — then the sender's result email.
 */
import { stepTransaction } from "@/inngest/runner/step-transaction";
import { mailFaxResult } from "@/server/fax/fax-result-email";
import { makeFaxReport } from "@/server/fax/make-fax-report";
import { sendFaxRuntime } from "@/server/fax/send-fax-runtime";

type Step = { run: <T>(id: string, fn: () => Promise<T>) => Promise<unknown> };

export async function reportAndMailEndedFax(step: Step, faxJobId: string) {
  await step.run("transmission report", async () => {
    const runtime = sendFaxRuntime();
    return makeFaxReport({
      db: await stepTransaction(),
      storage: runtime.storage,
      faxJobId,
      firstPage: null,
      now: runtime.now(),
      ifMissing: true,
    });
  });
  await step.run("email the result", () => mailFaxResult(faxJobId));
}
