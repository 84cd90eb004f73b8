import { describe, expect, it } from "vitest";
import {
  describeOutcome,
  FAX_FAILURE_CODES,
  FAX_STATUSES,
  outcomeFromHangup,
  outcomeFromT30Code,
} from "@/lib/fax-statuses";

describe("fax statuses", () => {
  it("covers every status the product names, each with its own plain explanation", () => {
    const labels = FAX_FAILURE_CODES.map((code) => FAX_STATUSES[code].label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Busy",
        "Exceeded ECM retransmit",
        "Fast busy",
        "General error",
        "Invalid attachment",
        "Invalid fax number",
        "Job cancelled",
        "Negotiation failed",
        "No answer",
        "No attachment",
        "Not a fax machine",
        "SIT tone / operator message",
        "Transmission failed",
        "Unauthorized sending address",
        "Voice answer",
        "Blocked",
        "Limit reached",
      ]),
    );
    const explanations = new Set(FAX_FAILURE_CODES.map((code) => FAX_STATUSES[code].explanation));
    expect(explanations.size).toBe(FAX_FAILURE_CODES.length);
    expect(FAX_STATUSES.NO_ANSWER.explanation).toMatch(/55 seconds/);
  });

  it("retries what may work later and not what never will", () => {
    expect(FAX_STATUSES.BUSY.retryable).toBe(true);
    expect(FAX_STATUSES.NO_ANSWER.retryable).toBe(true);
    expect(FAX_STATUSES.INVALID_NUMBER.retryable).toBe(false);
    expect(FAX_STATUSES.INVALID_ATTACHMENT.retryable).toBe(false);
    expect(FAX_STATUSES.CANCELLED.retryable).toBe(false);
    expect(FAX_STATUSES.BLOCKED.retryable).toBe(false);
  });

  it("maps spandsp T.30 completion codes by group", () => {
    expect(outcomeFromT30Code(0)).toBe("SENT");
    expect(outcomeFromT30Code(2)).toBe("NOT_A_FAX"); // T0 expired: silent far end
    expect(outcomeFromT30Code(12)).toBe("NEGOTIATION_FAILED"); // page size not supported
    expect(outcomeFromT30Code(49)).toBe("TRANSMISSION_FAILED"); // call dropped
    expect(outcomeFromT30Code(33)).toBe("TRANSMISSION_FAILED"); // T2 expired waiting for a page
    expect(outcomeFromT30Code(48)).toBe("ECM_RETRANSMIT_EXCEEDED");
    expect(outcomeFromT30Code(41)).toBe("INVALID_ATTACHMENT"); // TIFF cannot be opened
    expect(outcomeFromT30Code(4)).toBe("GENERAL_ERROR");
    expect(outcomeFromT30Code(999)).toBe("GENERAL_ERROR");
  });

  it("maps hang-up causes and SIP codes of calls that never exchanged a fax", () => {
    expect(outcomeFromHangup("USER_BUSY")).toBe("BUSY");
    expect(outcomeFromHangup("no_answer")).toBe("NO_ANSWER");
    expect(outcomeFromHangup("UNALLOCATED_NUMBER")).toBe("INVALID_NUMBER");
    expect(outcomeFromHangup("NORMAL_TEMPORARY_FAILURE")).toBe("FAST_BUSY");
    expect(outcomeFromHangup("SOMETHING_NEW")).toBe("GENERAL_ERROR");
    expect(outcomeFromHangup(486)).toBe("BUSY");
    expect(outcomeFromHangup(404)).toBe("INVALID_NUMBER");
    expect(outcomeFromHangup(503)).toBe("FAST_BUSY");
  });

  it("describes a delivered fax too", () => {
    expect(describeOutcome("SENT").label).toBe("Sent");
    expect(describeOutcome("VOICE_ANSWER").label).toBe("Voice answer");
  });
});
