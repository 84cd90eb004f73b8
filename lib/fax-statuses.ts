/**
 * The one vocabulary for why a fax did not go through (FEATURES.md #36). Every driver — loopback,
 * FreeSWITCH, HTTP fax API — maps its own result codes onto these, so users, retries and reports
 * see the same words whatever trunk carried the call. Stored in FaxJob.failureReason.
 */

export const FAX_FAILURE_CODES = [
  "BUSY",
  "ECM_RETRANSMIT_EXCEEDED",
  "FAST_BUSY",
  "GENERAL_ERROR",
  "INVALID_ATTACHMENT",
  "INVALID_NUMBER",
  "CANCELLED",
  "NEGOTIATION_FAILED",
  "NO_ANSWER",
  "NO_ATTACHMENT",
  "NOT_A_FAX",
  "SIT_TONE",
  "TRANSMISSION_FAILED",
  "UNAUTHORIZED_SENDER",
  "VOICE_ANSWER",
  "BLOCKED",
  "LIMIT_REACHED",
] as const;

export type FaxFailureCode = (typeof FAX_FAILURE_CODES)[number];

/** What a finished call attempt came to: delivered, or one failure code. */
export type FaxOutcome = "SENT" | FaxFailureCode;

export type FaxStatusInfo = {
  label: string;
  /** Plain words for the person who sent the fax. */
  explanation: string;
  /** Whether dialling again later has a fair chance of working. */
  retryable: boolean;
};

export const FAX_STATUSES: Record<FaxFailureCode, FaxStatusInfo> = {
  BUSY: {
    label: "Busy",
    explanation: "The line was busy. Someone was on the phone or the fax machine was already in a call.",
    retryable: true,
  },
  ECM_RETRANSMIT_EXCEEDED: {
    label: "Exceeded ECM retransmit",
    explanation: "The line was so noisy that parts of a page had to be resent too many times, so the machines gave up.",
    retryable: true,
  },
  FAST_BUSY: {
    label: "Fast busy",
    explanation: "The phone network was congested or could not route the call right now.",
    retryable: true,
  },
  GENERAL_ERROR: {
    label: "General error",
    explanation: "The call failed for a reason the network did not tell us.",
    retryable: true,
  },
  INVALID_ATTACHMENT: {
    label: "Invalid attachment",
    explanation: "The document could not be turned into fax pages. Check that it opens and is not password-protected.",
    retryable: false,
  },
  INVALID_NUMBER: {
    label: "Invalid fax number",
    explanation: "The number does not exist or is not written in a form the network accepts.",
    retryable: false,
  },
  CANCELLED: {
    label: "Job cancelled",
    explanation: "The fax was cancelled before it finished.",
    retryable: false,
  },
  NEGOTIATION_FAILED: {
    label: "Negotiation failed",
    explanation:
      "The receiving fax machine answered but could not agree on a speed, page size or resolution with ours.",
    retryable: true,
  },
  NO_ANSWER: {
    label: "No answer",
    explanation: "Nobody picked up: the number rang for about 55 seconds without an answer.",
    retryable: true,
  },
  NO_ATTACHMENT: {
    label: "No attachment",
    explanation: "There was no document to send.",
    retryable: false,
  },
  NOT_A_FAX: {
    label: "Not a fax machine",
    explanation: "The call was answered, but nothing on the other end answered like a fax machine.",
    retryable: true,
  },
  SIT_TONE: {
    label: "SIT tone / operator message",
    explanation:
      "The network played an operator recording (for example “the number you have dialled is not in service”).",
    retryable: false,
  },
  TRANSMISSION_FAILED: {
    label: "Transmission failed",
    explanation: "The call connected, but it was cut off or went wrong while pages were being sent.",
    retryable: true,
  },
  UNAUTHORIZED_SENDER: {
    label: "Unauthorized sending address",
    explanation: "The sender (email address or caller ID) is not allowed to send faxes from this account.",
    retryable: false,
  },
  VOICE_ANSWER: {
    label: "Voice answer",
    explanation: "A person or an answering machine picked up instead of a fax machine.",
    retryable: true,
  },
  BLOCKED: {
    label: "Blocked",
    explanation: "The number is on a do-not-fax list, or the receiving side refuses our calls.",
    retryable: false,
  },
  LIMIT_REACHED: {
    label: "Limit reached",
    explanation:
      "A sending limit was reached (the trunk's channels or calls per minute, or the account's quota); the fax was not dialled.",
    retryable: true,
  },
};

export function isFaxFailureCode(value: string): value is FaxFailureCode {
  return (FAX_FAILURE_CODES as readonly string[]).includes(value);
}

/**
 * spandsp T.30 completion codes (libspandsp 0.0.6 `T30_ERR_*`) as groups of meaning. 0 is success;
 * anything we do not list is a general error.
 */
const T30_GROUPS: Array<[FaxFailureCode, number[]]> = [
  // CED too long, T0/T1 expired, DCN or something else instead of DIS: no fax answered.
  ["NOT_A_FAX", [1, 2, 3, 17, 19]],
  // Training, compatibility, resolution, page size, DCS: the machines never agreed.
  ["NEGOTIATION_FAILED", [6, 8, 9, 11, 12, 14, 20]],
  // Failures during or after a page, including the call dropping.
  ["TRANSMISSION_FAILED", [5, 13, 15, 18, 21, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 49]],
  // ECM phase D problems and exhausted retries.
  ["ECM_RETRANSMIT_EXCEEDED", [16, 22, 23, 48]],
  // Our TIFF could not be read: sending it again will not help.
  ["INVALID_ATTACHMENT", [41, 42, 43, 44, 45, 46, 47]],
];

const T30_LOOKUP = new Map<number, FaxFailureCode>(
  T30_GROUPS.flatMap(([status, codes]) => codes.map((code) => [code, status] as const)),
);

/** Outcome of a T.30 completion code from spandsp (also FreeSWITCH's `fax-result-code`). */
export function outcomeFromT30Code(code: number): FaxOutcome {
  if (code === 0) return "SENT";
  return T30_LOOKUP.get(code) ?? "GENERAL_ERROR";
}

/** FreeSWITCH/Q.850 hang-up cause names of calls that ended before any fax was exchanged. */
const HANGUP_CAUSES: Record<string, FaxFailureCode> = {
  USER_BUSY: "BUSY",
  NO_ANSWER: "NO_ANSWER",
  NO_USER_RESPONSE: "NO_ANSWER",
  ALLOTTED_TIMEOUT: "NO_ANSWER",
  UNALLOCATED_NUMBER: "INVALID_NUMBER",
  INVALID_NUMBER_FORMAT: "INVALID_NUMBER",
  NO_ROUTE_DESTINATION: "INVALID_NUMBER",
  NUMBER_CHANGED: "SIT_TONE",
  REDIRECTION_TO_NEW_DESTINATION: "SIT_TONE",
  CALL_REJECTED: "BLOCKED",
  OUTGOING_CALL_BARRED: "UNAUTHORIZED_SENDER",
  BEARERCAPABILITY_NOTAUTH: "UNAUTHORIZED_SENDER",
  NORMAL_CIRCUIT_CONGESTION: "FAST_BUSY",
  SWITCH_CONGESTION: "FAST_BUSY",
  NETWORK_OUT_OF_ORDER: "FAST_BUSY",
  DESTINATION_OUT_OF_ORDER: "FAST_BUSY",
  NORMAL_TEMPORARY_FAILURE: "FAST_BUSY",
  GATEWAY_DOWN: "FAST_BUSY",
  RECOVERY_ON_TIMER_EXPIRE: "FAST_BUSY",
  ORIGINATOR_CANCEL: "CANCELLED",
  MANAGER_REQUEST: "CANCELLED",
};

/** SIP final response codes, for drivers that only see the SIP status. */
const SIP_CODES: Record<number, FaxFailureCode> = {
  403: "BLOCKED",
  404: "INVALID_NUMBER",
  408: "NO_ANSWER",
  410: "SIT_TONE",
  480: "NO_ANSWER",
  484: "INVALID_NUMBER",
  486: "BUSY",
  487: "CANCELLED",
  488: "NEGOTIATION_FAILED",
  500: "FAST_BUSY",
  502: "FAST_BUSY",
  503: "FAST_BUSY",
  504: "FAST_BUSY",
  600: "BUSY",
  603: "BLOCKED",
  604: "INVALID_NUMBER",
};

/**
 * Outcome of a call that ended with only a hang-up cause (no fax result): a FreeSWITCH cause name
 * such as `USER_BUSY`, or a SIP status code.
 */
export function outcomeFromHangup(cause: string | number): FaxFailureCode {
  if (typeof cause === "number") return SIP_CODES[cause] ?? "GENERAL_ERROR";
  return HANGUP_CAUSES[cause.trim().toUpperCase()] ?? "GENERAL_ERROR";
}

export function describeOutcome(outcome: FaxOutcome): FaxStatusInfo {
  if (outcome === "SENT") return { label: "Sent", explanation: "Every page was delivered.", retryable: false };
  return FAX_STATUSES[outcome];
}
