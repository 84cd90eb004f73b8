/**
 * The embedded default driver: a virtual PSTN (see number-plan.ts) whose fax machines run a real
 * T.30 session with spandsp against the document, so a "sent" fax is one a real fax stack accepted.
 * Calls report line time (what a real call would take); `timeScale` shrinks the waiting so demos
 * and tests run faster (0 = no waiting). Deterministic for a given seed.
 */
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { outcomeFromT30Code } from "@/lib/fax-statuses";
import { type Clock, isAbortError, systemClock } from "../clock";
import { makeScratchDir } from "../convert/scratch-root";
import { posixTimeZone } from "../posix-time-zone";
import { preflightDocument } from "../preflight-document";
import { between, seededRandom } from "../seeded-random";
import { type FaxCallOptions, loadNativeFaxCall, type NativeFaxCall } from "../spandsp/native-fax-call";
import type { TiffPageInfo } from "../tiff-info";
import {
  emptyResult,
  type FaxCall,
  type FaxCallResult,
  type FaxGateway,
  type FaxProgress,
  type GatewayDescription,
  resolutionFromYDpi,
  type SendFaxRequest,
} from "../types";
import { type LoopbackLine, lineFor } from "./number-plan";
import { modelFaxCall } from "./timing-model";
import { TrunkCapacity } from "./trunk-capacity";

export type LoopbackSettings = {
  /** Real seconds per line second: 1 = real time, 0.01 = 100× faster, 0 = no waiting. */
  timeScale?: number;
  seed?: string;
  clock?: Clock;
  /**
   * Keep each fax the far-end machines receive (tests compare its pages with what was sent): in a
   * private folder (0700) under the scratch root, `receivedDir`, until `discardReceived()` or the
   * process ends. Off by default: what a far end received is deleted when its call ends, since the
   * pages are a document's plaintext.
   */
  keepReceived?: boolean;
  /**
   * A file that gets one line (the number) per call dialled, appended before the call starts — the
   * network's own record, which outlives a kill -9 of the process (crash tests count it).
   */
  dialLog?: string;
  /** Audio leg (G.711 A-law/µ-law, linear) or T.38. */
  link?: FaxCallOptions["link"];
  /** "auto": spandsp when the addon is built, else the timing model. */
  engine?: "auto" | "spandsp" | "model";
  /** For tests: a fax engine other than the addon. */
  nativeFaxCall?: NativeFaxCall | null;
};

const VOICE_HANGUP_MS = 8_000; // a person says hello, hears fax tones, hangs up

export class LoopbackGateway implements FaxGateway {
  readonly driver = "LOOPBACK" as const;
  private readonly clock: Clock;
  private readonly timeScale: number;
  private readonly seed: string;
  private readonly keepReceived: boolean;
  private keptDir: Promise<string> | null = null;
  private readonly link: FaxCallOptions["link"];
  private readonly engine: NativeFaxCall | null;
  private readonly capacities = new Map<string, TrunkCapacity>();
  private callCount = 0;
  /** Calls actually dialled, by number: what a crash test checks against the retry policy. */
  private readonly dials = new Map<string, number>();
  private readonly dialLog: string | null;

  constructor(settings: LoopbackSettings = {}) {
    this.clock = settings.clock ?? systemClock;
    this.timeScale = Math.max(0, settings.timeScale ?? 1);
    this.seed = settings.seed ?? "faxport";
    this.keepReceived = settings.keepReceived ?? false;
    this.link = settings.link ?? "alaw";
    this.dialLog = settings.dialLog ?? null;
    const engine = settings.engine ?? "auto";
    if (engine === "model") this.engine = null;
    else {
      this.engine = settings.nativeFaxCall !== undefined ? settings.nativeFaxCall : loadNativeFaxCall();
      if (engine === "spandsp" && !this.engine) {
        throw new Error("The spandsp addon is not built: run `node scripts/build-native.mjs`");
      }
    }
  }

  describe(): GatewayDescription {
    const real = this.engine !== null;
    return {
      driver: this.driver,
      summary: real
        ? "Built-in virtual phone network; fax machines run real T.30 sessions with spandsp"
        : "Built-in virtual phone network; fax calls use a timing model (spandsp addon not built)",
      realFaxEngine: real,
      notes: [
        `Audio leg: ${this.link === "t38" ? "T.38" : `G.711 ${this.link}`}`,
        this.timeScale === 1 ? "Calls take real time" : `Time scale ${this.timeScale}× real time`,
        ...(real ? [] : ["Build it with: node scripts/build-native.mjs (needs libspandsp-dev, libtiff-dev)"]),
      ],
    };
  }

  /** Where received faxes are kept (keepReceived), once one was; null otherwise. */
  async receivedDir(): Promise<string | null> {
    return this.keptDir ? await this.keptDir : null;
  }

  /** Deletes every received fax kept so far. */
  async discardReceived(): Promise<void> {
    const kept = this.keptDir;
    this.keptDir = null;
    if (kept) await rm(await kept, { recursive: true, force: true });
  }

  /** How often `number` was dialled (every number's total when left out). */
  dialCount(number?: string): number {
    if (number !== undefined) return this.dials.get(number) ?? 0;
    let total = 0;
    for (const n of this.dials.values()) total += n;
    return total;
  }

  send(request: SendFaxRequest): FaxCall {
    const callId = randomUUID();
    const controller = new AbortController();
    const result = this.run(callId, request, controller.signal);
    return {
      callId,
      result,
      cancel: async () => {
        controller.abort();
        await result;
      },
    };
  }

  private capacityFor(trunkId: string): TrunkCapacity {
    let capacity = this.capacities.get(trunkId);
    if (!capacity) {
      capacity = new TrunkCapacity(this.clock);
      this.capacities.set(trunkId, capacity);
    }
    return capacity;
  }

  private async run(callId: string, request: SendFaxRequest, signal: AbortSignal): Promise<FaxCallResult> {
    const emit = (event: FaxProgress) => request.onProgress?.(event);
    const preflight = await preflightDocument(request.tiffPath);
    if (!preflight.ok) return emptyResult(preflight.outcome, preflight.message);
    const channel = this.capacityFor(request.trunk.id).acquire(request.trunk);
    if (!channel.ok) return emptyResult("LIMIT_REACHED", channel.reason);
    // Keyed by the caller's reference when given (e.g. the attempt id), so retries and campaigns
    // replay identically whatever order calls start in; else by call order.
    this.callCount++;
    this.dials.set(request.to, (this.dials.get(request.to) ?? 0) + 1);
    if (this.dialLog) appendFileSync(this.dialLog, `${request.to}\n`);
    const random = seededRandom(`${this.seed}|${request.to}|${request.reference ?? this.callCount}`);
    const line = new LineTimer(this.clock, this.timeScale, signal);
    let pagesSent = 0;
    try {
      emit({ kind: "dialing" });
      await line.pass(between(random, 800, 2_500)); // post-dial delay
      const onPage = (p: number) => {
        pagesSent = p;
      };
      return await this.answer(lineFor(request.to), {
        callId,
        request,
        pages: preflight.pages,
        random,
        line,
        emit,
        onPage,
      });
    } catch (error) {
      if (!isAbortError(error)) throw error;
      return {
        ...emptyResult("CANCELLED", "Cancelled during the call", line.elapsedMs()),
        pagesSent,
        totalPages: preflight.pages.length,
        hangupCause: "ORIGINATOR_CANCEL",
      };
    } finally {
      channel.release();
    }
  }

  private async answer(
    farEnd: LoopbackLine,
    ctx: {
      callId: string;
      request: SendFaxRequest;
      pages: TiffPageInfo[];
      random: () => number;
      line: LineTimer;
      emit: (event: FaxProgress) => void;
      onPage: (pagesSent: number) => void;
    },
  ): Promise<FaxCallResult> {
    const { callId, pages, random, line, emit } = ctx;
    const totalPages = pages.length;
    if (farEnd.kind === "rejected") {
      if (farEnd.ringMs) {
        emit({ kind: "ringing" });
        await line.pass(farEnd.ringMs);
      }
      return {
        ...emptyResult(farEnd.outcome, `Network: ${farEnd.hangupCause}`, line.elapsedMs()),
        totalPages,
        hangupCause: farEnd.hangupCause,
      };
    }
    emit({ kind: "ringing" });
    if (farEnd.kind === "no-answer") {
      await line.pass(farEnd.ringMs);
      return {
        ...emptyResult("NO_ANSWER", "Rang without an answer", line.elapsedMs()),
        totalPages,
        hangupCause: "NO_ANSWER",
      };
    }
    await line.pass(between(random, 1, 3) * 6_000 - between(random, 0, 1_500)); // 1–3 rings of 6 s
    emit({ kind: "connected" });
    if (farEnd.kind === "voice") {
      await line.pass(VOICE_HANGUP_MS);
      return {
        ...emptyResult("VOICE_ANSWER", "A person answered", line.elapsedMs()),
        totalPages,
        hangupCause: "NORMAL_CLEARING",
      };
    }
    // The far end's paper tray: kept only when asked, else a private folder gone when the call ends.
    let callDir: string | null = null;
    let receivedTiffPath: string;
    if (this.keepReceived) {
      this.keptDir ??= makeScratchDir("loopback-received");
      receivedTiffPath = path.join(await this.keptDir, `${callId}.tif`);
    } else {
      callDir = await makeScratchDir("loopback-call");
      receivedTiffPath = path.join(callDir, "received.tif");
    }
    try {
      return await this.receive(farEnd, ctx, receivedTiffPath);
    } finally {
      if (callDir) await rm(callDir, { recursive: true, force: true });
    }
  }

  private async receive(
    farEnd: Extract<LoopbackLine, { kind: "fax" | "silent" }>,
    ctx: {
      request: SendFaxRequest;
      pages: TiffPageInfo[];
      line: LineTimer;
      emit: (event: FaxProgress) => void;
      onPage: (pagesSent: number) => void;
    },
    receivedTiffPath: string,
  ): Promise<FaxCallResult> {
    const { request, pages, line, emit, onPage } = ctx;
    const totalPages = pages.length;
    const options: FaxCallOptions = {
      txFile: request.tiffPath,
      rxFile: receivedTiffPath,
      txIdent: (request.stationId ?? request.callerId ?? "").slice(0, 20),
      rxIdent: request.to.slice(0, 20),
      headerInfo: (request.headerInfo ?? "").slice(0, 50),
      headerTz: posixTimeZone(request.headerTimeZone),
      link: this.link,
      ecm: true,
      silentFarEnd: farEnd.kind === "silent",
      ...(farEnd.kind === "fax" ? { dropAfterPages: farEnd.dropAfterPages } : {}),
      ...(farEnd.kind === "fax" ? { receiverFailAfterPages: farEnd.receiverFailAfterPages } : {}),
    };
    const call = this.engine ? await this.engine(options) : modelFaxCall(options, pages);
    // The engine ran the whole call at once; replay its timeline at the configured speed.
    let at = 0;
    for (const event of call.events) {
      await line.pass(event.atMs - at);
      at = event.atMs;
      // The engine's "connected" is the fax session (the far machine answered with fax tones).
      if (event.kind === "connected") {
        emit({ kind: "fax-session" });
        continue;
      }
      onPage(event.page);
      emit({ kind: "page", page: event.page, pages: totalPages });
    }
    await line.pass(call.callMs - at);
    const outcome = outcomeFromT30Code(call.resultCode);
    return {
      outcome,
      resultCode: String(call.resultCode),
      resultText: call.resultText,
      pagesSent: call.pagesSent,
      totalPages,
      durationMs: line.elapsedMs(),
      bitRate: call.bitRate,
      remoteStationId: call.remoteIdent || null,
      hangupCause: call.resultCode === 49 ? "NORMAL_TEMPORARY_FAILURE" : "NORMAL_CLEARING",
      resolution: resolutionFromYDpi(call.yDpi),
      ecmUsed: call.ecmUsed,
      ...(farEnd.kind === "fax" && this.engine && this.keepReceived ? { receivedTiffPath } : {}),
    };
  }
}

/** Keeps line time (what the call would take) while waiting only `timeScale` of it. */
class LineTimer {
  private lineMs = 0;
  private stepStart = 0;

  constructor(
    private readonly clock: Clock,
    private readonly timeScale: number,
    private readonly signal: AbortSignal,
  ) {}

  async pass(ms: number): Promise<void> {
    if (ms <= 0) return;
    this.stepStart = this.clock.now();
    await this.clock.sleep(ms * this.timeScale, this.signal);
    this.lineMs += ms;
    this.stepStart = 0;
  }

  /** Line time so far, including the part of a wait a cancel interrupted. */
  elapsedMs(): number {
    const partial = this.stepStart && this.timeScale > 0 ? (this.clock.now() - this.stepStart) / this.timeScale : 0;
    return Math.round(this.lineMs + partial);
  }
}
