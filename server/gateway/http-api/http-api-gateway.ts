/**
 * HTTP fax-API driver shaped like Telnyx Programmable Fax v2: `POST /v2/faxes` starts a fax, the
 * provider fetches the document from a URL we give it, and status arrives by signed webhooks that
 * may repeat, arrive late or out of order.
 *
 * Webhooks reach the web server, which is not the process waiting for the call (the embedded runner
 * runs beside `next start`; an Inngest server may call any replica). So, given a `relay`, the driver
 * records the provider's fax id with the attempt and reads the newest verified event the webhook
 * route stored there (server/fax/http-api-calls.ts). Without one, `handleWebhook` applies webhooks
 * received in this same process.
 */

import type { KeyObject } from "node:crypto";
import { randomUUID } from "node:crypto";
import { type Clock, isAbortError, systemClock } from "../clock";
import {
  emptyResult,
  type FaxCall,
  type FaxCallResult,
  type FaxGateway,
  type FaxProgress,
  type FaxResolution,
  type GatewayDescription,
  type SendFaxRequest,
} from "../types";
import { outcomeFromFailureReason } from "./failure-reasons";
import {
  apiErrorSchema,
  createFaxResponseSchema,
  EVENT_RANK,
  FAX_WEBHOOK_EVENTS,
  type FaxWebhook,
  type FaxWebhookEvent,
  faxWebhookSchema,
} from "./telnyx-schemas";
import { ed25519PublicKey, verifyWebhookSignature } from "./verify-webhook-signature";

/** Where calls meet their webhooks across processes (the database, in the app). */
export type WebhookRelay = {
  /** The provider accepted the fax and named it: webhooks carrying this id belong to `reference`. */
  callPlaced(reference: string, providerCallId: string): Promise<void>;
  /** The newest verified webhook stored for the call, if any. */
  latest(providerCallId: string): Promise<FaxWebhook | null>;
  /** The call ended: its media URL stops working. */
  callEnded(reference: string): Promise<void>;
};

export type HttpApiSettings = {
  /** e.g. https://api.telnyx.com */
  baseUrl: string;
  apiKey: string;
  connectionId: string;
  /** Our public webhook endpoint, sent with every fax. */
  webhookUrl: string;
  /** The provider's Ed25519 webhook public key (base64 raw or PEM). */
  webhookPublicKey: string;
  /** A URL the provider can fetch the fax document from (short-lived, unguessable). */
  mediaUrl: (request: SendFaxRequest) => string | Promise<string>;
  /** Calls meet their webhooks through this (see the file comment); `reference` is then required. */
  relay?: WebhookRelay;
  /** How often a call looks for a stored webhook (with a relay). */
  relayPollMs?: number;
  t38?: boolean;
  maxSkewSeconds?: number;
  /** Give up waiting for a final webhook after this long. */
  resultTimeoutMs?: number;
  clock?: Clock;
};

export type WebhookResponse = { status: 200 | 400 | 401 | 404 | 413; message: string };

/** A webhook delivery read: a verified fax event, or the answer to give the provider. */
export type ReadWebhook = { ok: true; event: FaxWebhook } | { ok: false; response: WebhookResponse };

type LiveFax = {
  callId: string;
  providerId: string | null;
  rank: number;
  startedAt: number;
  emit: (event: FaxProgress) => void;
  finish: (result: FaxCallResult) => void;
  done: boolean;
  cancelRequested: boolean;
  /** "dialing" was reported (by the POST answer or the first webhook, whichever came first). */
  dialing: boolean;
  watchdog: AbortController;
};

const QUALITY: Record<FaxResolution, string> = { STANDARD: "normal", FINE: "high", SUPERFINE: "very_high" };
const SEEN_EVENTS_KEPT = 10_000;

export class HttpApiGateway implements FaxGateway {
  readonly driver = "HTTP_API" as const;
  private readonly clock: Clock;
  private readonly publicKey: KeyObject;
  private readonly byCallId = new Map<string, LiveFax>();
  private readonly byProviderId = new Map<string, LiveFax>();
  private readonly seenEvents = new Set<string>();

  constructor(private readonly settings: HttpApiSettings) {
    this.clock = settings.clock ?? systemClock;
    this.publicKey = ed25519PublicKey(settings.webhookPublicKey);
  }

  describe(): GatewayDescription {
    return {
      driver: this.driver,
      summary: `HTTP fax API at ${new URL(this.settings.baseUrl).host}`,
      realFaxEngine: true,
      notes: [`Webhooks to ${this.settings.webhookUrl}`, this.settings.t38 === false ? "T.38 off" : "T.38 on"],
    };
  }

  send(request: SendFaxRequest): FaxCall {
    const callId = randomUUID();
    let finish: (result: FaxCallResult) => void = () => undefined;
    const result = new Promise<FaxCallResult>((resolve) => {
      finish = resolve;
    });
    const fax: LiveFax = {
      callId,
      providerId: null,
      rank: -1,
      startedAt: this.clock.now(),
      emit: (event) => request.onProgress?.(event),
      finish: (r) => {
        if (fax.done) return;
        fax.done = true;
        fax.watchdog.abort();
        this.byCallId.delete(callId);
        if (fax.providerId) this.byProviderId.delete(fax.providerId);
        // The media URL dies with the call, before anyone learns the call ended.
        const relay = this.settings.relay;
        const ended = relay && request.reference ? relay.callEnded(request.reference) : Promise.resolve();
        void ended.catch((error) => console.error("fax call end not recorded:", error)).finally(() => finish(r));
      },
      done: false,
      cancelRequested: false,
      dialing: false,
      watchdog: new AbortController(),
    };
    this.byCallId.set(callId, fax);
    void this.start(fax, request);
    return { callId, result, cancel: () => this.cancel(fax) };
  }

  private elapsed(fax: LiveFax): number {
    return this.clock.now() - fax.startedAt;
  }

  private async start(fax: LiveFax, request: SendFaxRequest): Promise<void> {
    try {
      if (this.settings.relay && !request.reference) throw new Error("a call needs its attempt as reference");
      const body = {
        connection_id: this.settings.connectionId,
        to: request.to,
        ...(request.callerId ? { from: request.callerId } : {}),
        media_url: await this.settings.mediaUrl(request),
        quality: QUALITY[request.resolution],
        t38_enabled: this.settings.t38 !== false,
        store_media: false,
        webhook_url: this.settings.webhookUrl,
        client_state: Buffer.from(fax.callId).toString("base64"),
      };
      const response = await fetch(new URL("/v2/faxes", this.settings.baseUrl), {
        method: "POST",
        headers: { authorization: `Bearer ${this.settings.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) return fax.finish(this.refusal(response.status, json, fax));
      const created = createFaxResponseSchema.safeParse(json);
      if (!created.success) {
        return fax.finish(
          emptyResult("GENERAL_ERROR", "The fax provider gave an unexpected answer", this.elapsed(fax)),
        );
      }
      fax.providerId = created.data.data.id;
      this.byProviderId.set(fax.providerId, fax);
      if (this.settings.relay && request.reference)
        await this.settings.relay.callPlaced(request.reference, fax.providerId);
      this.reportDialing(fax);
      if (fax.cancelRequested) await this.cancel(fax);
      else void this.watch(fax);
    } catch (error) {
      fax.finish(emptyResult("GENERAL_ERROR", `Cannot reach the fax provider: ${(error as Error).message}`));
    }
  }

  private async watch(fax: LiveFax): Promise<void> {
    const deadline = fax.startedAt + (this.settings.resultTimeoutMs ?? 30 * 60_000);
    const relay = this.settings.relay;
    try {
      while (!fax.done) {
        const left = deadline - this.clock.now();
        if (left <= 0) break;
        await this.clock.sleep(relay ? Math.min(left, this.settings.relayPollMs ?? 1_000) : left, fax.watchdog.signal);
        if (relay && fax.providerId && !fax.done) {
          const event = await relay.latest(fax.providerId).catch((error) => {
            console.error("fax webhook lookup failed:", error);
            return null;
          });
          if (event) this.apply(fax, event);
        }
      }
      fax.finish(emptyResult("GENERAL_ERROR", "No result from the fax provider in time", this.elapsed(fax)));
    } catch (error) {
      if (!isAbortError(error)) throw error;
    }
  }

  /** A refused `POST /v2/faxes`, in our words. */
  private refusal(status: number, json: unknown, fax: LiveFax): FaxCallResult {
    const parsed = apiErrorSchema.safeParse(json);
    const first = parsed.success ? parsed.data.errors[0] : undefined;
    const detail = first?.detail ?? first?.title ?? `HTTP ${status}`;
    const pointer = first?.source?.pointer ?? "";
    const outcome =
      status === 429
        ? "LIMIT_REACHED"
        : status === 401 || status === 403
          ? "GENERAL_ERROR"
          : pointer === "/to"
            ? "INVALID_NUMBER"
            : pointer === "/from"
              ? "UNAUTHORIZED_SENDER"
              : pointer === "/media_url"
                ? "INVALID_ATTACHMENT"
                : "GENERAL_ERROR";
    const text = status === 401 || status === 403 ? "The fax provider refused our API key" : detail;
    return { ...emptyResult(outcome, `Fax provider: ${text}`, this.elapsed(fax)), resultCode: String(status) };
  }

  private async cancel(fax: LiveFax): Promise<void> {
    if (fax.done) return;
    fax.cancelRequested = true;
    if (!fax.providerId) return; // start() cancels as soon as the provider names the fax
    const response = await fetch(
      new URL(`/v2/faxes/${encodeURIComponent(fax.providerId)}/actions/cancel`, this.settings.baseUrl),
      {
        method: "POST",
        headers: { authorization: `Bearer ${this.settings.apiKey}` },
        signal: AbortSignal.timeout(30_000),
      },
    ).catch(() => null);
    // Too late to cancel (already sending): the webhooks will tell how it ended.
    if (response?.ok) {
      fax.finish({
        ...emptyResult("CANCELLED", "Cancelled at the fax provider", this.elapsed(fax)),
        providerCallId: fax.providerId,
      });
    }
  }

  /** Verifies and applies one webhook delivery received in this process. */
  handleWebhook(input: {
    rawBody: Buffer | string;
    headers: Headers | Record<string, string | undefined>;
  }): WebhookResponse {
    const read = this.readWebhook(input);
    if (!read.ok) return read.response;
    const event = read.event;
    if (this.seenEvents.has(event.data.id)) return { status: 200, message: "Duplicate ignored" };
    this.remember(event.data.id);
    const fax = this.findFax(event);
    if (!fax) return { status: 200, message: "Not a fax this process is waiting for" };
    this.apply(fax, event);
    return { status: 200, message: "OK" };
  }

  /** Checks a delivery's signature and shape (the webhook route stores what passes). */
  readWebhook(input: { rawBody: Buffer | string; headers: Headers | Record<string, string | undefined> }): ReadWebhook {
    const header = (name: string) =>
      input.headers instanceof Headers
        ? input.headers.get(name)
        : (input.headers[name] ?? input.headers[name.toLowerCase()]);
    const check = verifyWebhookSignature({
      rawBody: input.rawBody,
      signature: header("telnyx-signature-ed25519"),
      timestamp: header("telnyx-timestamp"),
      publicKey: this.publicKey,
      nowMs: this.clock.now(),
      maxSkewSeconds: this.settings.maxSkewSeconds,
    });
    if (!check.ok) return { ok: false, response: { status: 401, message: `Webhook refused: ${check.reason}` } };
    let json: unknown;
    try {
      json = JSON.parse(input.rawBody.toString());
    } catch {
      return { ok: false, response: { status: 400, message: "Webhook body is not JSON" } };
    }
    const parsed = faxWebhookSchema.safeParse(json);
    if (!parsed.success) return { ok: false, response: { status: 400, message: "Webhook body is not a fax event" } };
    return { ok: true, event: parsed.data };
  }

  private remember(eventId: string): void {
    this.seenEvents.add(eventId);
    if (this.seenEvents.size > SEEN_EVENTS_KEPT) {
      const oldest = this.seenEvents.values().next().value;
      if (oldest !== undefined) this.seenEvents.delete(oldest);
    }
  }

  private findFax(event: FaxWebhook): LiveFax | undefined {
    const byProvider = this.byProviderId.get(event.data.payload.fax_id);
    if (byProvider) return byProvider;
    // A webhook can beat the POST response: client_state carries our call id.
    const state = event.data.payload.client_state;
    const callId = state ? Buffer.from(state, "base64").toString() : "";
    const fax = this.byCallId.get(callId);
    if (fax && !fax.providerId) {
      fax.providerId = event.data.payload.fax_id;
      this.byProviderId.set(fax.providerId, fax);
    }
    return fax?.providerId === event.data.payload.fax_id ? fax : undefined;
  }

  private reportDialing(fax: LiveFax): void {
    if (fax.dialing || fax.done) return;
    fax.dialing = true;
    fax.emit({ kind: "dialing" });
  }

  private apply(fax: LiveFax, event: FaxWebhook): void {
    const type = event.data.event_type;
    if (!(FAX_WEBHOOK_EVENTS as readonly string[]).includes(type)) return;
    const rank = EVENT_RANK[type as FaxWebhookEvent];
    if (rank <= fax.rank) return; // late: something newer already happened
    if (rank < 3) this.reportDialing(fax);
    fax.rank = rank;
    const p = event.data.payload;
    if (type === "fax.sending.started") {
      // The provider says so only once the far machine answered as a fax.
      fax.emit({ kind: "connected" });
      fax.emit({ kind: "fax-session" });
    }
    if (type !== "fax.delivered" && type !== "fax.failed") return;
    const durationMs = p.call_duration_secs !== undefined ? Math.round(p.call_duration_secs * 1000) : this.elapsed(fax);
    const base = { providerCallId: p.fax_id };
    if (type === "fax.delivered") {
      const pages = p.page_count ?? null;
      fax.finish({
        ...emptyResult("SENT", "Delivered", durationMs),
        ...base,
        pagesSent: pages ?? 0,
        totalPages: pages,
      });
    } else {
      fax.finish({
        ...emptyResult(
          outcomeFromFailureReason(p.failure_reason),
          `Fax provider: ${p.failure_reason ?? "failed"}`,
          durationMs,
        ),
        ...base,
        resultCode: p.failure_reason ?? null,
        pagesSent: p.page_count ?? 0,
      });
    }
  }
}
