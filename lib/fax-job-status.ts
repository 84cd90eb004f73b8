/**
 * What an outbound fax's state reads as — the one place for the sent lists, the dashboard, the fax
 * page and the platform's list: Waiting to send → Attempt 1 of 2 — dialling → … — sending page 3 of 3
 * → Delivered; or Waiting to retry — next try 8:02 PM; or Failed — <reason>. "Sending" is said only
 * once the far end answered as a fax machine; before that a call that was picked up is "answered".
 */
import { counted } from "./counted";
import { formatClockTime } from "./dates/format-date-time";
import { describeOutcome, type FaxOutcome, isFaxFailureCode } from "./fax-statuses";

export type FaxJobStatusFacts = {
  status: "QUEUED" | "IN_PROGRESS" | "SENT" | "FAILED" | "CANCELLED";
  /** DIALING, RINGING, ANSWERED (picked up, no fax yet), SENDING while in progress; RETRY_WAIT while queued. */
  callState: string | null;
  currentPage: number | null;
  pages: number | null;
  failureReason: string | null;
  cancelRequestedAt: Date | string | null;
  /** Attempts that have ended; while one is in progress it is attempt attemptsMade + 1. */
  attemptsMade: number;
  maxAttempts: number;
  nextAttemptAt: Date | string | null;
};

export type StatusWordsOptions = {
  /** The zone times are shown in (the page's: the organisation's, or UTC on platform pages). */
  timeZone: string;
  locale?: string;
  /** Today, for "8:02 PM" rather than "8 Dec, 8:02 PM". */
  now?: Date;
};

/**
 * The words for a fax's state: `sentence` in full ("Attempt 1 of 2 — sending page 3 of 3"), and
 * the same split for a list's narrow column — `headline` for the badge ("Sending page 3 of 3") and
 * `detail` beneath it ("Attempt 1 of 2", "Next try 8:02 PM EST").
 */
export type FaxStatusWords = { headline: string; detail: string | null; sentence: string };

export function faxJobStatusWords(job: FaxJobStatusFacts, opts: StatusWordsOptions): FaxStatusWords {
  const only = (headline: string): FaxStatusWords => ({ headline, detail: null, sentence: headline });
  switch (job.status) {
    case "SENT":
      return only("Delivered");
    case "CANCELLED":
      return only("Cancelled");
    case "FAILED":
      return only(`Failed — ${failureLabel(job.failureReason)}`);
    case "QUEUED": {
      if (job.callState !== "RETRY_WAIT") return only("Waiting to send");
      if (!job.nextAttemptAt) return only("Waiting to retry");
      const at = formatClockTime(job.nextAttemptAt, opts);
      return { headline: "Waiting to retry", detail: `Next try ${at}`, sentence: `Waiting to retry — next try ${at}` };
    }
    case "IN_PROGRESS": {
      if (job.cancelRequestedAt) return only("Cancelling…");
      const phase = callPhase(job);
      const headline = phase.charAt(0).toUpperCase() + phase.slice(1);
      if (job.maxAttempts <= 1) return only(headline);
      const attempt = `Attempt ${currentAttempt(job)} of ${job.maxAttempts}`;
      return { headline, detail: attempt, sentence: `${attempt} — ${phase}` };
    }
  }
}

export function faxJobStatusLabel(job: FaxJobStatusFacts, opts: StatusWordsOptions): string {
  return faxJobStatusWords(job, opts).sentence;
}

/** The call in progress, in lower case to follow "Attempt 1 of 2 — ". */
function callPhase(job: FaxJobStatusFacts): string {
  switch (job.callState) {
    case "RINGING":
      return "ringing";
    case "ANSWERED":
      return "answered, waiting for fax tones";
    case "SENDING": {
      const k = job.currentPage ?? 1;
      return job.pages ? `sending page ${k} of ${job.pages}` : `sending page ${k}`;
    }
    default:
      return "dialling";
  }
}

/** The attempt under way, or the last one made: never "0 of 2" while a call is on the line. */
function currentAttempt(job: FaxJobStatusFacts): number {
  return Math.min(job.maxAttempts, job.attemptsMade + (job.status === "IN_PROGRESS" ? 1 : 0));
}

/** "1 of 2": attempts made so far, counting the one in progress. */
export function attemptsLabel(job: FaxJobStatusFacts): string {
  return `${currentAttempt(job)} of ${job.maxAttempts}`;
}

/** The fax's retry plan: "No retries", "1 retry, 5 minutes after", "3 retries, 5 minutes apart". */
export function retryPlanLabel(maxAttempts: number, retryMinutes: number): string {
  const retries = maxAttempts - 1;
  if (retries <= 0) return "No retries";
  const minutes = counted(retryMinutes, "minute");
  return retries === 1 ? `1 retry, ${minutes} after` : `${retries} retries, ${minutes} apart`;
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
