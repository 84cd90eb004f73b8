/** What one FreeSWITCH fax call has reported so far, and the result it comes to. */
import { type FaxOutcome, outcomeFromHangup, outcomeFromT30Code } from "@/lib/fax-statuses";
import { emptyResult, type FaxCallResult, resolutionFromYDpi } from "../types";
import type { FaxResultEvent } from "./esl-events";

export type CallReport = {
  answered: boolean;
  cancelled: boolean;
  fax: FaxResultEvent | null;
  hangupCause: string | null;
  /** `-ERR CAUSE` of a BACKGROUND_JOB when the call never connected. */
  originateError: string | null;
  pagesSent: number;
  transport: "T38" | "G711";
};

export function newCallReport(t38: boolean): CallReport {
  return {
    answered: false,
    cancelled: false,
    fax: null,
    hangupCause: null,
    originateError: null,
    pagesSent: 0,
    transport: t38 ? "T38" : "G711",
  };
}

function outcomeOf(report: CallReport, cause: string | null): FaxOutcome {
  if (report.cancelled && report.fax?.["fax-success"] !== "1") return "CANCELLED";
  if (report.fax) {
    if (report.fax["fax-success"] === "1") return "SENT";
    const code = report.fax["fax-result-code"];
    if (code !== undefined && code !== 0) return outcomeFromT30Code(code);
  }
  const byCause = cause ? outcomeFromHangup(cause) : "GENERAL_ERROR";
  // Answered, hung up normally, no fax result: nothing on the line spoke fax.
  if (report.answered && byCause === "GENERAL_ERROR" && cause === "NORMAL_CLEARING") return "NOT_A_FAX";
  return byCause;
}

export function resultFromReport(report: CallReport, durationMs: number): FaxCallResult {
  const cause = report.hangupCause ?? report.originateError;
  const outcome = outcomeOf(report, cause);
  const fax = report.fax;
  if (!fax) {
    return {
      ...emptyResult(outcome, cause ? `Call ended: ${cause}` : "Call ended without a result", durationMs),
      pagesSent: report.pagesSent,
      hangupCause: cause,
      transport: report.transport,
    };
  }
  const yDpi = Number(fax["fax-image-resolution"]?.split("x")[1] ?? 0);
  return {
    outcome,
    resultCode: fax["fax-result-code"] === undefined ? null : String(fax["fax-result-code"]),
    resultText: fax["fax-result-text"] ?? (outcome === "SENT" ? "OK" : "Fax failed"),
    pagesSent: fax["fax-document-transferred-pages"] ?? report.pagesSent,
    totalPages: fax["fax-document-total-pages"] ?? null,
    durationMs,
    bitRate: fax["fax-transfer-rate"] ?? null,
    remoteStationId: fax["fax-remote-station-id"] || null,
    hangupCause: cause,
    resolution: resolutionFromYDpi(yDpi),
    ecmUsed: fax["fax-ecm-used"] === undefined ? null : fax["fax-ecm-used"] === "on",
    transport: report.transport,
  };
}
