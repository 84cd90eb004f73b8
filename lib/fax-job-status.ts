/**
 * What an outbound fax's status reads as, in one place for the list, the detail page and reports:
 * Queued → Dialling → Sending page k of n → Delivered, or Failed: <reason>, or waiting to retry.
 */
import { describeOutcome, type FaxOutcome, isFaxFailureCode } from "./fax-statuses";

export type FaxJobStatusFacts = {
  status: "QUEUED" | "IN_PROGRESS" | "SENT" | "FAILED" | "CANCELLED";
  callState: string | null;
  currentPage: number | null;
  pages: number | null;
  failureReason: string | null;
  cancelRequestedAt: Date | null;
};

export function faxJobStatusLabel(job: FaxJobStatusFacts): string {
  switch (job.status) {
    case "SENT":
      return "Delivered";
    case "CANCELLED":
      return "Cancelled";
    case "FAILED":
      return `Failed: ${failureLabel(job.failureReason)}`;
    case "QUEUED":
      if (job.callState === "RETRY_WAIT") return `Waiting to retry (last: ${failureLabel(job.failureReason)})`;
      return "Queued";
    case "IN_PROGRESS":
      if (job.cancelRequestedAt) return "Cancelling…";
      if (job.callState === "RINGING") return "Ringing";
      if (job.callState === "SENDING") {
        const k = job.currentPage ?? 1;
        return job.pages ? `Sending page ${k} of ${job.pages}` : `Sending page ${k}`;
      }
      return "Dialling";
  }
}

export function failureLabel(reason: string | null): string {
  return reason && isFaxFailureCode(reason) ? describeOutcome(reason).label : "General error";
}

/** Label and plain explanation of an attempt's or job's outcome. */
export function explainOutcome(outcome: string | null): { label: string; explanation: string } | null {
  if (!outcome) return null;
  if (outcome === "SENT" || isFaxFailureCode(outcome)) {
    const info = describeOutcome(outcome as FaxOutcome);
    return { label: info.label, explanation: info.explanation };
  }
  return null;
}
