/** Provider `failure_reason` strings (Telnyx-style snake_case) onto our status vocabulary. */
import type { FaxFailureCode } from "@/lib/fax-statuses";

const RULES: Array<[RegExp, FaxFailureCode]> = [
  [/cancel/, "CANCELLED"],
  [/busy/, "BUSY"],
  [/no_answer|no_user_response/, "NO_ANSWER"],
  [/unallocated|invalid_number|destination_invalid|number_format/, "INVALID_NUMBER"],
  [/initial_communication|not_a_fax|no_fax/, "NOT_A_FAX"],
  [/ecm/, "ECM_RETRANSMIT_EXCEEDED"],
  [/incompatible|negotiation|training/, "NEGOTIATION_FAILED"],
  [/call_dropped|signaling_error|communication_error|no_response/, "TRANSMISSION_FAILED"],
  [/file_|media|page_count|document/, "INVALID_ATTACHMENT"],
  [/limit_exceeded|rate_limit|spend_limit/, "LIMIT_REACHED"],
  [/decline|rejected|blocked|not_in_countries|not_in_service_plan/, "BLOCKED"],
  [/unauthorized|from_number|caller_id/, "UNAUTHORIZED_SENDER"],
  [/congestion|unreachable|service_unavailable|timer_expire|temporary/, "FAST_BUSY"],
];

export function outcomeFromFailureReason(reason: string | undefined): FaxFailureCode {
  const r = (reason ?? "").toLowerCase();
  return RULES.find(([pattern]) => pattern.test(r))?.[1] ?? "GENERAL_ERROR";
}
