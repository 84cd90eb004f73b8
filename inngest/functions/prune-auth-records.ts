/** Daily clean-up of sign-in records (see server/auth/prune-auth-records.ts). */
import { pruneAuthRecords } from "@/server/auth/prune-auth-records";
import { inngest } from "@/server/job/inngest-client";

export const pruneAuthRecordsFunction = inngest.createFunction(
  { id: "prune-auth-records", triggers: { cron: "TZ=UTC 17 3 * * *" } },
  async ({ step }) => step.run("delete-old-sign-in-records", () => pruneAuthRecords()),
);
