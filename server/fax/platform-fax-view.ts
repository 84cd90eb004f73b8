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
  return {
    id: row.id,
    tenant: row.tenant,
    user: row.user,
    toNumber: row.toNumber,
    callerId: row.callerId,
    quality: row.quality,
    status: row.status,
    statusLabel: faxJobStatusLabel(row),
    failure: row.status === "SENT" ? null : explainOutcome(row.failureReason),
    pages: row.pages,
    pagesSent: row.status === "SENT" ? row.pages : (last?.pagesSent ?? null),
    attemptsMade: row.attemptsMade,
    maxAttempts: row.maxRetries + 1,
    trunk: last?.trunk ?? null,
    submittedAt: row.submittedAt,
    completedAt: row.completedAt,
  };
}
export type PlatformFaxView = ReturnType<typeof toPlatformFaxView>;
