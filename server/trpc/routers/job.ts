/** Jobs (the embedded runner's runs): platform admins only; metadata, never payloads or outputs. */
import { jobRunIdSchema, jobRunListSchema } from "@/lib/schemas/job";
import { cancelJobRun } from "../../job/cancel-job-run";
import { getJobRun } from "../../job/get-job-run";
import { listJobRuns } from "../../job/list-job-runs";
import { retryJobRun } from "../../job/retry-job-run";
import { platformAdminProcedure, router } from "../init";

export const jobRouter = router({
  list: platformAdminProcedure.input(jobRunListSchema).query(({ ctx, input }) => listJobRuns({ db: ctx.db, input })),
  get: platformAdminProcedure.input(jobRunIdSchema).query(({ ctx, input }) => getJobRun({ db: ctx.db, id: input.id })),
  retry: platformAdminProcedure.input(jobRunIdSchema).mutation(({ ctx, input }) => retryJobRun({ ctx, id: input.id })),
  cancel: platformAdminProcedure
    .input(jobRunIdSchema)
    .mutation(({ ctx, input }) => cancelJobRun({ ctx, id: input.id })),
});
