/**
 * What platform admins learn about an organisation's outbound fax — the one place, and an allowlist:
 * where and when it went, how it went, who sent it, over which trunk. Never the title (people type
 * it), the document, the stored pages or the sealed key, so nothing here opens a page.
 */
import type { Prisma } from "@prisma/client";
import { explainOutcome, faxJobStatusLabel } from "@/lib/fax-job-status";

export const platformFaxSelect = {
  id: true,
  toNumber: true,
  callerId: true,
  quality: true,
  status: true,
  callState: true,
  currentPage: true,
  pages: true,
  failureReason: true,
  cancelRequestedAt: true,
  maxRetries: true,
  attemptsMade: true,
  nextAttemptAt: true,
  submittedAt: true,
  completedAt: true,
  tenant: { select: { id: true, name: true } },
  user: { select: { id: true, username: true } },
  // The latest attempt: its trunk and how many pages it delivered.
  attempts: {
    select: { pagesSent: true, trunk: { select: { id: true, name: true } } },
    orderBy: { attemptNumber: "desc" },
    take: 1,
  },
} satisfies Prisma.FaxJobSelect;

type PlatformFaxRow = Prisma.FaxJobGetPayload<{ select: typeof platformFaxSelect }>;

export function toPlatformFaxView(row: PlatformFaxRow) {
  const last = row.attempts[0];
  const maxAttempts = row.maxRetries + 1;
  return {
    id: row.id,
    tenant: row.tenant,
    user: row.user,
    toNumber: row.toNumber,
    callerId: row.callerId,
    quality: row.quality,
    status: row.status,
    // The call's facts, so the page says the status in its own words and zone (FaxStatus).
    callState: row.callState,
    currentPage: row.currentPage,
    failureReason: row.failureReason,
    cancelRequestedAt: row.cancelRequestedAt,
    nextAttemptAt: row.nextAttemptAt,
    statusLabel: faxJobStatusLabel({ ...row, maxAttempts }, { timeZone: "UTC" }),
    failure: row.status === "SENT" ? null : explainOutcome(row.failureReason),
    pages: row.pages,
    // Pages delivered by a fax that has ended; while one is on its way the status says the page.
    pagesSent: row.status === "SENT" ? row.pages : row.status === "IN_PROGRESS" ? null : (last?.pagesSent ?? null),
    attemptsMade: row.attemptsMade,
    maxAttempts,
    trunk: last?.trunk ?? null,
    submittedAt: row.submittedAt,
    completedAt: row.completedAt,
  };
}
export type PlatformFaxView = ReturnType<typeof toPlatformFaxView>;
