/**
 * What leaves the server about an outbound fax — the one place, so the sealed key and storage
 * location never reach a browser. Platform admins get metadata only (no title: people type it).
 */
import type { Prisma } from "@prisma/client";
import { explainOutcome, faxJobStatusLabel } from "@/lib/fax-job-status";

export const faxJobSelect = {
  id: true,
  tenantId: true,
  title: true,
  toNumber: true,
  callerId: true,
  quality: true,
  status: true,
  callState: true,
  currentPage: true,
  pages: true,
  failureReason: true,
  maxRetries: true,
  retryIntervalSeconds: true,
  attemptsMade: true,
  nextAttemptAt: true,
  submittedAt: true,
  startedAt: true,
  completedAt: true,
  cancelledAt: true,
  cancelRequestedAt: true,
  documentId: true,
  resentFromId: true,
  campaignId: true,
  user: { select: { id: true, username: true, firstName: true, lastName: true } },
  tenant: { select: { id: true, name: true } },
} satisfies Prisma.FaxJobSelect;

type FaxJobRow = Prisma.FaxJobGetPayload<{ select: typeof faxJobSelect }>;

export function toFaxJobView(row: FaxJobRow, opts: { platform: boolean }) {
  const { retryIntervalSeconds, maxRetries, ...rest } = row;
  return {
    ...rest,
    title: opts.platform ? null : row.title,
    documentId: opts.platform ? null : row.documentId,
    statusLabel: faxJobStatusLabel(row),
    failure: row.status === "SENT" ? null : explainOutcome(row.failureReason),
    maxAttempts: maxRetries + 1,
    retryMinutes: Math.round(retryIntervalSeconds / 60),
  };
}
export type FaxJobView = ReturnType<typeof toFaxJobView>;

export const faxAttemptSelect = {
  id: true,
  attemptNumber: true,
  startedAt: true,
  answeredAt: true,
  endedAt: true,
  status: true,
  failureReason: true,
  resultCode: true,
  resultText: true,
  pagesSent: true,
  totalPages: true,
  durationMs: true,
  bitRate: true,
  remoteStationId: true,
  hangupCause: true,
  trunk: { select: { id: true, name: true } },
} satisfies Prisma.FaxAttemptSelect;

type FaxAttemptRow = Prisma.FaxAttemptGetPayload<{ select: typeof faxAttemptSelect }>;

export function toFaxAttemptView(row: FaxAttemptRow) {
  const outcome = row.status === "SENT" ? "SENT" : row.failureReason;
  return { ...row, outcome: explainOutcome(outcome) };
}
export type FaxAttemptView = ReturnType<typeof toFaxAttemptView>;
