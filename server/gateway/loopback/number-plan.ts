/**
 * The loopback trunk's virtual PSTN: how a dialled number answers is decided by its last three
 * digits (mostly the SIP response a real network would give). Any other number is a working fax
 * machine that runs a real T.30 session with spandsp.
 *
 *   ends in  line                                   outcome
 *   486      busy                                   Busy
 *   480      rings ~55 s, nobody answers            No answer
 *   503      network congestion (reorder tone)      Fast busy
 *   404      unallocated number                     Invalid fax number
 *   410      operator intercept ("not in service")  SIT tone / operator message
 *   603      refuses our calls                      Blocked
 *   600      a person answers "hello?"              Voice answer
 *   601      answers, silence, no fax tones         Not a fax machine
 *   701      fax machine; the line drops in page 2  Transmission failed (1 page sent)
 *   702      fax machine runs out of paper, page 2  Transmission failed (1 page sent)
 *   other    fax machine (answers after 1–3 rings)  Sent, with real pages, rate and call time
 */
import type { FaxFailureCode } from "@/lib/fax-statuses";

export type LoopbackLine =
  | { kind: "rejected"; outcome: FaxFailureCode; hangupCause: string; ringMs: number }
  | { kind: "no-answer"; ringMs: number }
  | { kind: "voice" }
  | { kind: "silent" }
  | { kind: "fax"; dropAfterPages?: number; receiverFailAfterPages?: number };

export type NumberPlanEntry = { suffix: string; description: string; line: LoopbackLine };

/** Rings for about 55 s before the network gives up (FEATURES #36 "No answer"). */
export const NO_ANSWER_RING_MS = 55_000;

export const LOOPBACK_NUMBER_PLAN: NumberPlanEntry[] = [
  {
    suffix: "486",
    description: "Busy",
    line: { kind: "rejected", outcome: "BUSY", hangupCause: "USER_BUSY", ringMs: 0 },
  },
  { suffix: "480", description: "Rings ~55 s, no answer", line: { kind: "no-answer", ringMs: NO_ANSWER_RING_MS } },
  {
    suffix: "503",
    description: "Fast busy (network congestion)",
    line: { kind: "rejected", outcome: "FAST_BUSY", hangupCause: "NORMAL_CIRCUIT_CONGESTION", ringMs: 0 },
  },
  {
    suffix: "404",
    description: "Number does not exist",
    line: { kind: "rejected", outcome: "INVALID_NUMBER", hangupCause: "UNALLOCATED_NUMBER", ringMs: 0 },
  },
  {
    suffix: "410",
    description: "Operator intercept message (SIT tone)",
    line: { kind: "rejected", outcome: "SIT_TONE", hangupCause: "NUMBER_CHANGED", ringMs: 4_000 },
  },
  {
    suffix: "603",
    description: "Refuses our calls",
    line: { kind: "rejected", outcome: "BLOCKED", hangupCause: "CALL_REJECTED", ringMs: 0 },
  },
  { suffix: "600", description: "A person answers", line: { kind: "voice" } },
  { suffix: "601", description: "Answers with silence, no fax tones", line: { kind: "silent" } },
  { suffix: "701", description: "Fax machine; the line drops during page 2", line: { kind: "fax", dropAfterPages: 1 } },
  {
    suffix: "702",
    description: "Fax machine that runs out of paper during page 2",
    line: { kind: "fax", receiverFailAfterPages: 1 },
  },
];

export function lineFor(number: string): LoopbackLine {
  const digits = number.replace(/\D/g, "");
  return LOOPBACK_NUMBER_PLAN.find((entry) => digits.endsWith(entry.suffix))?.line ?? { kind: "fax" };
}
