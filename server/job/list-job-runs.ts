/** Recent runs for the Jobs page (platform admins), newest first, filtered by status and function. */
import { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { JobRunListInput } from "@/lib/schemas/job";
import type { Tx } from "../db/scope";
import { type JobRunSummary, RUN_COLUMNS, type RunRowView, toRunSummary } from "./job-run-view";

export async function listJobRuns(opts: { db: Tx; input: JobRunListInput }) {
  const { status, functionId, page, pageSize } = opts.input;
  const filters = [
    status ? Prisma.sql`r.status = ${status}` : null,
    functionId ? Prisma.sql`r."functionId" = ${functionId}` : null,
  ].filter((f): f is Prisma.Sql => f !== null);
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const [rows, counted, functions] = await Promise.all([
    opts.db.$queryRaw<RunRowView[]>`SELECT ${RUN_COLUMNS} FROM "JobRun" r ${where}
      ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    opts.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "JobRun" r ${where}`,
    opts.db.$queryRaw<{ functionId: string }[]>`SELECT DISTINCT "functionId" FROM "JobRun" ORDER BY 1`,
  ]);
  return {
    items: rows.map(toRunSummary),
    total: counted[0]?.n ?? 0,
    page,
    pageSize,
    /** Every function that has runs, for the filter. */
    functions: functions.map((f) => f.functionId),
  } satisfies Page<JobRunSummary> & { functions: string[] };
}
