import { describe, expect, it } from "vitest";
import { explainOutcome, faxJobStatusLabel } from "@/lib/fax-job-status";
import { splitDestinations } from "@/lib/schemas/fax";

const base = { callState: null, currentPage: null, pages: 3, failureReason: null, cancelRequestedAt: null };

describe("an outbound fax's status as people read it", () => {
  it("follows Queued → Dialling → Sending page k of n → Delivered", () => {
    expect(faxJobStatusLabel({ ...base, status: "QUEUED" })).toBe("Queued");
    expect(faxJobStatusLabel({ ...base, status: "IN_PROGRESS", callState: "DIALING" })).toBe("Dialling");
    expect(faxJobStatusLabel({ ...base, status: "IN_PROGRESS", callState: "RINGING" })).toBe("Ringing");
    expect(faxJobStatusLabel({ ...base, status: "IN_PROGRESS", callState: "SENDING", currentPage: 2 })).toBe(
      "Sending page 2 of 3",
    );
    expect(faxJobStatusLabel({ ...base, status: "SENT" })).toBe("Delivered");
  });

  it("names the reason of a failure, a pending retry and a cancel in progress", () => {
    expect(faxJobStatusLabel({ ...base, status: "FAILED", failureReason: "NO_ANSWER" })).toBe("Failed: No answer");
    expect(faxJobStatusLabel({ ...base, status: "QUEUED", callState: "RETRY_WAIT", failureReason: "BUSY" })).toBe(
      "Waiting to retry (last: Busy)",
    );
    expect(
      faxJobStatusLabel({ ...base, status: "IN_PROGRESS", callState: "SENDING", cancelRequestedAt: new Date() }),
    ).toBe("Cancelling…");
    expect(faxJobStatusLabel({ ...base, status: "FAILED", failureReason: "something new" })).toBe(
      "Failed: General error",
    );
    expect(explainOutcome("BLOCKED")?.label).toBe("Blocked");
    expect(explainOutcome(null)).toBeNull();
  });

  it("splits a pasted list of numbers on new lines, commas and semicolons", () => {
    expect(splitDestinations("+1 312 555 0101\n312-555-0102; 3125550103,, \n")).toEqual([
      "+1 312 555 0101",
      "312-555-0102",
      "3125550103",
    ]);
  });
});
