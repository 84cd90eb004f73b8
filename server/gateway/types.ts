/**
 * The trunk gateway contract (DESIGN.md "Trunk gateway"): the send-fax job hands a driver one call
 * — a fax TIFF to a number over a trunk — and gets progress and one final result back. Drivers
 * (loopback, FreeSWITCH, HTTP fax API) differ only behind this interface.
 */
import type { FaxOutcome } from "@/lib/fax-statuses";
import type { TrunkDriverName } from "@/lib/schemas/trunk";

/** Fax vertical resolutions (Prisma enum FaxQuality): 204×98, 204×196, 204×392 dpi. */
export type FaxResolution = "STANDARD" | "FINE" | "SUPERFINE";

export const RESOLUTION_DPI: Record<FaxResolution, { x: number; y: number }> = {
  STANDARD: { x: 204, y: 98 },
  FINE: { x: 204, y: 196 },
  SUPERFINE: { x: 204, y: 392 },
};

/** Nearest named resolution for a vertical dpi as fax engines report it (e.g. 391 → SUPERFINE). */
export function resolutionFromYDpi(yDpi: number): FaxResolution | null {
  if (yDpi <= 0) return null;
  if (yDpi < 150) return "STANDARD";
  if (yDpi < 300) return "FINE";
  return "SUPERFINE";
}

/** What a driver needs to know about a trunk (a Trunk row with its SIP password unsealed). */
export type GatewayTrunk = {
  id: string;
  name: string;
  driver: TrunkDriverName;
  host: string;
  port: number;
  ipAuth: boolean;
  sipUsername: string | null;
  sipPassword: string | null;
  maxChannels: number;
  maxCallsPerMinute: number;
};

export type SendFaxRequest = {
  trunk: GatewayTrunk;
  /** E.164 number to dial. */
  to: string;
  /** E.164 caller ID (one of the tenant's DIDs); null lets the trunk choose. */
  callerId: string | null;
  /** Station identifier (TSI) sent to the far machine; defaults to the caller ID. */
  stationId?: string;
  /** Page header line printed by the sending machine (47 CFR 68.318(d): sender's name on every page). */
  headerInfo?: string;
  /** IANA time zone for the header line's date and time (the organisation's). */
  headerTimeZone?: string;
  resolution: FaxResolution;
  /** A TIFF-F file: G3/G4 pages 1728 px wide at 204 dpi and the request's resolution. */
  tiffPath: string;
  /** Our reference for the call (e.g. the FaxAttempt id), echoed to providers and logs. */
  reference?: string;
  onProgress?: (event: FaxProgress) => void;
};

export type FaxProgress =
  | { kind: "dialing" }
  | { kind: "ringing" }
  /** The call was picked up — by a fax machine, a person or an answering machine: not yet known. */
  | { kind: "connected" }
  /** The far end answered as a fax machine (its fax session started): pages follow. */
  | { kind: "fax-session" }
  | { kind: "page"; page: number; pages: number | null };

export type FaxCallResult = {
  outcome: FaxOutcome;
  /** The driver's own result code (spandsp T.30 code, provider failure reason…), for support. */
  resultCode: string | null;
  resultText: string;
  pagesSent: number;
  totalPages: number | null;
  /** Call time from dialling to hang-up, at line speed (ms). */
  durationMs: number;
  bitRate: number | null;
  remoteStationId: string | null;
  hangupCause: string | null;
  resolution: FaxResolution | null;
  ecmUsed: boolean | null;
  /** How the fax travelled, when the driver knows (FreeSWITCH tries T.38, then G.711). */
  transport?: "T38" | "G711";
  /** The provider's id for the call (HTTP fax API), for support and webhook matching. */
  providerCallId?: string;
  /** Loopback only: the TIFF the simulated far machine received, kept for checks and demos. */
  receivedTiffPath?: string;
};

/** One call in progress. */
export type FaxCall = {
  callId: string;
  /** Settles with the final result; never rejects — failures are outcomes. */
  result: Promise<FaxCallResult>;
  /**
   * Hangs up (or asks the provider to cancel). The result reports CANCELLED, unless the call had
   * already ended or the provider says it is too late, in which case it reports how it really ended.
   */
  cancel(): Promise<void>;
};

/** What the trunk list can show about a driver. */
export type GatewayDescription = {
  driver: TrunkDriverName;
  summary: string;
  /** True when calls run a real T.30 fax session (spandsp or a real network), not a timing model. */
  realFaxEngine: boolean;
  notes: string[];
};

export interface FaxGateway {
  readonly driver: TrunkDriverName;
  describe(): GatewayDescription;
  send(request: SendFaxRequest): FaxCall;
  close?(): Promise<void>;
}

export function emptyResult(outcome: FaxOutcome, resultText: string, durationMs = 0): FaxCallResult {
  return {
    outcome,
    resultCode: null,
    resultText,
    pagesSent: 0,
    totalPages: null,
    durationMs,
    bitRate: null,
    remoteStationId: null,
    hangupCause: null,
    resolution: null,
    ecmUsed: null,
  };
}
