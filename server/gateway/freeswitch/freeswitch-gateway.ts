/**
 * FreeSWITCH driver: dials over the trunk's sofia gateway through the event socket and runs txfax
 * (mod_spandsp) on answer — T.38 first, and once more over G.711 when the far end will not do T.38.
 * Progress and results come from channel and spandsp events matched by the call's UUID.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Clock, systemClock } from "../clock";
import {
  emptyResult,
  type FaxCall,
  type FaxCallResult,
  type FaxGateway,
  type FaxProgress,
  type GatewayDescription,
  type GatewayTrunk,
  type SendFaxRequest,
} from "../types";
import { EslConnection, type EslSettings } from "./esl-connection";
import { backgroundJobSchema, faxResultEventSchema, hangupEventSchema, progressEventSchema } from "./esl-events";
import { type CallReport, newCallReport, resultFromReport } from "./fax-call-state";
import { originateCommand, sofiaGatewayName } from "./originate-command";
import { sofiaGatewayXml } from "./sofia-gateway-xml";

export type FreeswitchSettings = EslSettings & {
  /** Sofia profile the trunks' gateways live in. */
  profile?: string;
  /** Directory FreeSWITCH includes gateway files from (e.g. conf/sip_profiles/external). */
  gatewayDir?: string;
  /** Try T.38 first (default); false dials G.711 audio only. */
  t38?: boolean;
  /** Seconds to ring before giving up (≈55 s: FEATURES #36 "No answer"). */
  ringTimeoutSeconds?: number;
  clock?: Clock;
};

export const ESL_EVENTS = [
  "BACKGROUND_JOB",
  "CHANNEL_PROGRESS",
  "CHANNEL_PROGRESS_MEDIA",
  "CHANNEL_ANSWER",
  "CHANNEL_HANGUP_COMPLETE",
  "CUSTOM",
  "spandsp::txfaxnegociateresult",
  "spandsp::txfaxresult",
  "spandsp::txfaxpageresult",
];

type LiveCall = {
  callUuid: string;
  jobUuid: string;
  report: CallReport;
  emit: (event: FaxProgress) => void;
  rang: boolean;
  done: () => void;
};

export class FreeswitchGateway implements FaxGateway {
  readonly driver = "FREESWITCH" as const;
  private readonly clock: Clock;
  private connection: Promise<EslConnection> | null = null;
  private readonly byCall = new Map<string, LiveCall>();
  private readonly byJob = new Map<string, LiveCall>();

  constructor(private readonly settings: FreeswitchSettings) {
    this.clock = settings.clock ?? systemClock;
  }

  describe(): GatewayDescription {
    return {
      driver: this.driver,
      summary: `FreeSWITCH at ${this.settings.host}:${this.settings.port} (event socket)`,
      realFaxEngine: true,
      notes: [
        this.settings.t38 === false ? "G.711 audio only" : "T.38 first, G.711 when the far end refuses T.38",
        `Sofia profile: ${this.profile}`,
      ],
    };
  }

  private get profile(): string {
    return this.settings.profile ?? "external";
  }

  send(request: SendFaxRequest): FaxCall {
    const callId = randomUUID();
    let current: LiveCall | null = null;
    let cancelled = false;
    const result = (async (): Promise<FaxCallResult> => {
      const started = this.clock.now();
      const t38First = this.settings.t38 !== false;
      let outcome = await this.attempt(request, t38First, (call) => {
        current = call;
        call.report.cancelled = cancelled;
      });
      const refusedT38 =
        outcome.transport === "T38" &&
        outcome.pagesSent === 0 &&
        (outcome.outcome === "NEGOTIATION_FAILED" || outcome.hangupCause === "INCOMPATIBLE_DESTINATION");
      if (refusedT38 && !cancelled) {
        outcome = await this.attempt(request, false, (call) => {
          current = call;
          call.report.cancelled = cancelled;
        });
      }
      return { ...outcome, durationMs: this.clock.now() - started };
    })();
    return {
      callId,
      result,
      cancel: async () => {
        cancelled = true;
        const call = current as LiveCall | null;
        if (call) {
          call.report.cancelled = true;
          const conn = await this.connect().catch(() => null);
          await conn?.api(`uuid_kill ${call.callUuid} ORIGINATOR_CANCEL`).catch(() => undefined);
        }
        await result;
      },
    };
  }

  private async attempt(
    request: SendFaxRequest,
    t38: boolean,
    onStart: (call: LiveCall) => void,
  ): Promise<FaxCallResult> {
    const started = this.clock.now();
    let conn: EslConnection;
    try {
      conn = await this.connect();
    } catch (error) {
      return emptyResult("GENERAL_ERROR", `Cannot reach FreeSWITCH: ${(error as Error).message}`);
    }
    const emit = (event: FaxProgress) => request.onProgress?.(event);
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const call: LiveCall = {
      callUuid: randomUUID(),
      jobUuid: randomUUID(),
      report: newCallReport(t38),
      emit,
      rang: false,
      done: finish,
    };
    this.byCall.set(call.callUuid, call);
    this.byJob.set(call.jobUuid, call);
    onStart(call);
    try {
      if (call.report.cancelled) return resultFromReport(call.report, 0);
      const command = originateCommand({
        trunk: request.trunk,
        callUuid: call.callUuid,
        to: request.to,
        callerId: request.callerId,
        stationId: request.stationId ?? request.callerId ?? "",
        headerInfo: request.headerInfo ?? "",
        headerTimeZone: request.headerTimeZone,
        resolution: request.resolution,
        tiffPath: request.tiffPath,
        t38,
        ringTimeoutSeconds: this.settings.ringTimeoutSeconds ?? 55,
      });
      emit({ kind: "dialing" });
      await conn.bgapi(command, call.jobUuid);
      await finished;
    } catch (error) {
      if (!call.report.hangupCause && !call.report.originateError) {
        return emptyResult("GENERAL_ERROR", `FreeSWITCH: ${(error as Error).message}`, this.clock.now() - started);
      }
    } finally {
      this.byCall.delete(call.callUuid);
      this.byJob.delete(call.jobUuid);
    }
    return resultFromReport(call.report, this.clock.now() - started);
  }

  private connect(): Promise<EslConnection> {
    if (!this.connection) {
      const opening = EslConnection.open(this.settings, ESL_EVENTS).then((conn) => {
        conn.on("event", (headers, body) => this.onEvent(headers, body));
        conn.on("close", (error) => {
          this.connection = null;
          for (const call of this.byCall.values()) {
            call.report.originateError ??= `lost the event socket (${error.message})`;
            call.done();
          }
        });
        return conn;
      });
      opening.catch(() => {
        this.connection = null;
      });
      this.connection = opening;
    }
    return this.connection;
  }

  private onEvent(headers: Record<string, string>, body: string): void {
    const job = backgroundJobSchema.safeParse(headers);
    if (job.success) {
      const call = this.byJob.get(job.data["Job-UUID"]);
      const reply = body.trim();
      if (call && reply.startsWith("-ERR")) {
        call.report.originateError = reply.replace(/^-ERR\s*/, "").trim() || "UNKNOWN";
        call.done();
      }
      return;
    }
    const call = headers["Unique-ID"] ? this.byCall.get(headers["Unique-ID"]) : undefined;
    if (!call) return;
    const progress = progressEventSchema.safeParse(headers);
    if (progress.success) {
      if (progress.data["Event-Name"] === "CHANNEL_ANSWER") {
        if (!call.report.answered) call.emit({ kind: "connected" });
        call.report.answered = true;
      } else if (!call.rang) {
        call.rang = true;
        call.emit({ kind: "ringing" });
      }
      return;
    }
    const fax = faxResultEventSchema.safeParse(headers);
    if (fax.success) {
      const pages = fax.data["fax-document-transferred-pages"];
      if (fax.data["Event-Subclass"] === "spandsp::txfaxnegociateresult") {
        // (FreeSWITCH's own spelling.) The far end negotiated as a fax machine: pages follow.
        call.emit({ kind: "fax-session" });
      } else if (fax.data["Event-Subclass"] === "spandsp::txfaxpageresult" && pages !== undefined) {
        call.report.pagesSent = pages;
        call.emit({ kind: "page", page: pages, pages: fax.data["fax-document-total-pages"] ?? null });
      } else if (fax.data["Event-Subclass"] === "spandsp::txfaxresult") {
        call.report.fax = fax.data;
      }
      return;
    }
    const hangup = hangupEventSchema.safeParse(headers);
    if (hangup.success) {
      call.report.hangupCause = hangup.data["Hangup-Cause"];
      call.done();
    }
  }

  /** Writes the trunk's sofia gateway file and (re)loads it in FreeSWITCH. */
  async syncTrunk(trunk: GatewayTrunk): Promise<void> {
    const dir = this.requireGatewayDir();
    const name = sofiaGatewayName(trunk);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${name}.xml`), sofiaGatewayXml(trunk), { mode: 0o600 });
    const conn = await this.connect();
    await conn.api(`sofia profile ${this.profile} killgw ${name}`);
    const rescan = await conn.api(`sofia profile ${this.profile} rescan`);
    if (rescan.startsWith("-ERR")) throw new Error(`FreeSWITCH could not load the trunk: ${rescan.trim()}`);
  }

  async removeTrunk(trunk: Pick<GatewayTrunk, "id">): Promise<void> {
    const name = sofiaGatewayName(trunk);
    await rm(path.join(this.requireGatewayDir(), `${name}.xml`), { force: true });
    const conn = await this.connect();
    await conn.api(`sofia profile ${this.profile} killgw ${name}`);
  }

  private requireGatewayDir(): string {
    if (!this.settings.gatewayDir) throw new Error("Set the FreeSWITCH gateway directory to manage trunks");
    return this.settings.gatewayDir;
  }

  async close(): Promise<void> {
    const conn = await this.connection?.catch(() => null);
    conn?.close();
    this.connection = null;
  }
}
