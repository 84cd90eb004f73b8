/**
 * What leaves the server about an outbound fax — the one place, so the gateway's sealed key and the
 * storage location never reach a browser. The title is ciphertext under the document's key K; with
 * it goes the one copy of K the viewer can open (as for the document itself), so the browser can
 * read the title. Platform admins get metadata only: neither.
 */
import type { Prisma } from "@prisma/client";
import { explainOutcome, faxJobStatusLabel } from "@/lib/fax-job-status";
import type { KeyForMe } from "../document/document-view";

export const faxJobSelect = {
  id: true,
  tenantId: true,
  titleCipher: true,
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
  tenant: { select: { id: true, name: true, timeZone: true } },
  document: { select: { ownerId: true, ownerSealedKey: true, ownerKeyFor: true, tenantSealedKey: true } },
} satisfies Prisma.FaxJobSelect;

type FaxJobRow = Prisma.FaxJobGetPayload<{ select: typeof faxJobSelect }>;

/** Who is looking: the copy of K they can open depends on it. */
export interface FaxViewer {
  id: string;
  role: string;
  /** Their current public key: their own copy of K opens only if it was sealed to it. */
  publicKey: string | null;
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

function documentKeyFor(document: FaxJobRow["document"], viewer: FaxViewer): KeyForMe {
  if (!document) return null; // deleted: its key, and so the title, is gone
  if (document.ownerId === viewer.id && viewer.publicKey && document.ownerKeyFor === viewer.publicKey)
    return { via: "owner", sealedKey: base64(document.ownerSealedKey) };
  if (viewer.role === "TENANT_ADMIN") return { via: "tenant", sealedKey: base64(document.tenantSealedKey) };
  return null;
}

export function toFaxJobView(row: FaxJobRow, opts: { platform: true } | { platform: false; viewer: FaxViewer }) {
  const { retryIntervalSeconds, maxRetries, titleCipher, document, ...rest } = row;
  const maxAttempts = maxRetries + 1;
  return {
    ...rest,
    titleCipher: opts.platform || !titleCipher ? null : base64(titleCipher),
    documentKeyForMe: opts.platform ? null : documentKeyFor(document, opts.viewer),
    /** Platform admins see metadata only (no title, no document, no report). */
    platformView: opts.platform,
    documentId: opts.platform ? null : row.documentId,
    /** For API readers; pages say it in the viewer's locale with the same function (FaxStatus). */
    statusLabel: faxJobStatusLabel({ ...row, maxAttempts }, { timeZone: row.tenant.timeZone }),
    failure: row.status === "SENT" ? null : explainOutcome(row.failureReason),
    maxAttempts,
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
