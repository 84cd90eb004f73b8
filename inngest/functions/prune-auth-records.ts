/**
 * Daily clean-up of sign-in records (see server/auth/prune-auth-records.ts), and of the step
 * outcomes kept for an Inngest server (inngest/transactional-step.ts) once nobody can ask for them.
 */
import { forgetOldStepOutcomes } from "@/inngest/transactional-step";
import { pruneAuthRecords } from "@/server/auth/prune-auth-records";
import { inngest } from "@/server/job/inngest-client";

export const pruneAuthRecordsFunction = inngest.createFunction(
  { id: "prune-auth-records", triggers: { cron: "TZ=UTC 17 3 * * *" } },
  async ({ step }) => {
    const pruned = await step.run("delete-old-sign-in-records", () => pruneAuthRecords());
    await step.run("forget old step outcomes", () => forgetOldStepOutcomes());
    return pruned;
  },
);
