import { describe, expect, it } from "vitest";
import {
  attemptsLabel,
  explainOutcome,
  type FaxJobStatusFacts,
  faxJobStatusLabel,
  faxJobStatusWords,
  retryPlanLabel,
} from "@/lib/fax-job-status";
import { splitDestinations } from "@/lib/schemas/fax";

const base = {
  callState: null,
  currentPage: null,
  pages: 3,
  failureReason: null,
  cancelRequestedAt: null,
  attemptsMade: 0,
  maxAttempts: 2,
  nextAttemptAt: null,
};
const at = { timeZone: "America/New_York", locale: "en-US", now: new Date("2026-12-07T20:00:00Z") };
const words = (facts: Partial<FaxJobStatusFacts> & Pick<FaxJobStatusFacts, "status">) =>
  faxJobStatusLabel({ ...base, ...facts }, at);

describe("an outbound fax's status as people read it", () => {
  it("follows Waiting to send → Attempt 1 of 2 — dialling → … sending page k of n → Delivered", () => {
    expect(words({ status: "QUEUED" })).toBe("Waiting to send");
    expect(words({ status: "IN_PROGRESS", callState: "DIALING" })).toBe("Attempt 1 of 2 — dialling");
    expect(words({ status: "IN_PROGRESS", callState: "RINGING" })).toBe("Attempt 1 of 2 — ringing");
    expect(words({ status: "IN_PROGRESS", callState: "SENDING", currentPage: 3 })).toBe(
      "Attempt 1 of 2 — sending page 3 of 3",
    );
    expect(words({ status: "IN_PROGRESS", callState: "SENDING", currentPage: 2, attemptsMade: 1 })).toBe(
      "Attempt 2 of 2 — sending page 2 of 3",
    );
    expect(words({ status: "IN_PROGRESS", callState: "SENDING", currentPage: 2, maxAttempts: 1 })).toBe(
      "Sending page 2 of 3",
    );
    expect(words({ status: "SENT", attemptsMade: 1 })).toBe("Delivered");
  });

  it("never says 'sending' before the far end answered as a fax machine", () => {
    expect(words({ status: "IN_PROGRESS", callState: "ANSWERED" })).toBe(
      "Attempt 1 of 2 — answered, waiting for fax tones",
    );
  });

  it("counts the attempt in progress, never 0 of 2 while a call is on the line", () => {
    expect(attemptsLabel({ ...base, status: "IN_PROGRESS", callState: "SENDING", currentPage: 3 })).toBe("1 of 2");
    expect(attemptsLabel({ ...base, status: "QUEUED" })).toBe("0 of 2");
    expect(attemptsLabel({ ...base, status: "FAILED", attemptsMade: 2 })).toBe("2 of 2");
  });

  it("says when the next try is, in the page's zone", () => {
    const retry = { status: "QUEUED" as const, callState: "RETRY_WAIT", failureReason: "BUSY", attemptsMade: 1 };
    expect(words({ ...retry, nextAttemptAt: new Date("2026-12-08T01:02:00Z") })).toBe(
      "Waiting to retry — next try 8:02 PM EST",
    );
    expect(words({ ...retry, nextAttemptAt: new Date("2026-12-08T13:02:00Z") })).toBe(
      "Waiting to retry — next try Dec 8, 8:02 AM EST",
    );
  });

  it("names the reason of a failure and a cancel in progress", () => {
    expect(words({ status: "FAILED", failureReason: "NO_ANSWER" })).toBe("Failed — No answer");
    expect(words({ status: "IN_PROGRESS", callState: "SENDING", cancelRequestedAt: new Date() })).toBe("Cancelling…");
    expect(words({ status: "FAILED", failureReason: "something new" })).toBe("Failed — General error");
    expect(explainOutcome("BLOCKED")?.label).toBe("Blocked");
    expect(explainOutcome(null)).toBeNull();
  });

  it("splits the words for a list: the state in the badge, the attempt or next try beneath", () => {
    const job = { ...base, status: "IN_PROGRESS" as const, callState: "SENDING", currentPage: 3 };
    expect(faxJobStatusWords(job, at)).toEqual({
      headline: "Sending page 3 of 3",
      detail: "Attempt 1 of 2",
      sentence: "Attempt 1 of 2 — sending page 3 of 3",
    });
  });

  it("says the retry plan in words", () => {
    expect(retryPlanLabel(1, 5)).toBe("No retries");
    expect(retryPlanLabel(2, 5)).toBe("1 retry, 5 minutes after");
    expect(retryPlanLabel(4, 1)).toBe("3 retries, 1 minute apart");
  });

  it("splits a pasted list of numbers on new lines, commas and semicolons", () => {
    expect(splitDestinations("+1 312 555 0101\n312-555-0102; 3125550103,, \n")).toEqual([
      "+1 312 555 0101",
      "312-555-0102",
      "3125550103",
    ]);
  });
});
