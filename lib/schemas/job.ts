/** The Jobs page's inputs (platform admins): runs of the embedded job runner, metadata only. */
import { z } from "zod";
import { idSchema } from "./common";

export const JOB_RUN_STATUSES = ["QUEUED", "RUNNING", "SLEEPING", "COMPLETED", "FAILED", "CANCELLED"] as const;
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

export const jobRunListSchema = z.object({
  status: z.enum(JOB_RUN_STATUSES).optional(),
  functionId: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
});
export type JobRunListInput = z.infer<typeof jobRunListSchema>;

export const jobRunIdSchema = z.object({ id: idSchema });
