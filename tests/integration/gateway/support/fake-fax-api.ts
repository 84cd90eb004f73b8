/**
 * A stand-in for a Telnyx-style fax API on 127.0.0.1 (ephemeral port), following the public docs:
 * `POST /v2/faxes` (Bearer key) answers 202 with the fax id, then signed webhooks go to the fax's
 * webhook_url — queued, media.processed, sending.started, delivered or failed — repeated and out of
 * order for some numbers. `POST /v2/faxes/{id}/actions/cancel` cancels a fax still queued.
 * With `fetchMedia` it downloads media_url first, as the provider does, and fails the fax with
 * `media_download_failed` when that is not a TIFF; with `retryWebhooks` a delivery answered with
 * anything but 2xx is tried again a few times (the provider retries failed webhooks).
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";

export type SentWebhook = { eventType: string; status: number };

type Fax = {
  id: string;
  to: string;
  webhookUrl: string;
  clientState: string;
  cancelled: boolean;
  body: Record<string, unknown>;
  /** Settles when every scripted webhook for this fax has been delivered. */
  scripted?: Promise<void>;
  /** What media_url answered (with `fetchMedia`). */
  media?: { status: number; bytes: Buffer };
};

export type FakeFaxApiOptions = { fetchMedia?: boolean; retryWebhooks?: boolean };

export class FakeFaxApi {
  readonly apiKey = "KEYtest_123";
  readonly keys = generateKeyPairSync("ed25519");
  readonly faxes: Fax[] = [];
  readonly webhooks: SentWebhook[] = [];
  private server: Server | null = null;
  private eventSeq = 0;
  port = 0;

  constructor(private readonly options: FakeFaxApiOptions = {}) {}

  get publicKeyBase64(): string {
    const jwk = this.keys.publicKey.export({ format: "jwk" });
    return Buffer.from(jwk.x!, "base64url").toString("base64");
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.route(req).then(({ status, body }) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (address && typeof address === "object") this.port = address.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return { status: 401, body: { errors: [{ code: "10009", title: "Authentication failed" }] } };
    }
    const cancel = req.url?.match(/^\/v2\/faxes\/([^/]+)\/actions\/cancel$/);
    if (req.method === "POST" && cancel) {
      const fax = this.faxes.find((f) => f.id === cancel[1]);
      if (!fax) return { status: 404, body: { errors: [{ title: "Not found" }] } };
      fax.cancelled = true;
      return { status: 200, body: { result: "ok" } };
    }
    if (req.method !== "POST" || req.url !== "/v2/faxes")
      return { status: 404, body: { errors: [{ title: "Not found" }] } };
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const to = String(body.to ?? "");
    if (!/^\+\d{8,15}$/.test(to)) {
      return {
        status: 422,
        body: { errors: [{ code: "10015", detail: "Invalid 'to' number", source: { pointer: "/to" } }] },
      };
    }
    const fax: Fax = {
      id: crypto.randomUUID(),
      to,
      webhookUrl: String(body.webhook_url),
      clientState: String(body.client_state ?? ""),
      cancelled: false,
      body,
    };
    this.faxes.push(fax);
    fax.scripted = this.script(fax);
    return { status: 202, body: { data: { id: fax.id, status: "queued", record_type: "fax", to } } };
  }

  /**
   *   …0123  delivered (3 pages, 42 s); the delivered webhook is sent twice, queued arrives last
   *   …0486  failed: user_busy
   *   …0777  out of order: delivered, then sending.started, then queued
   *   …0555  stays queued (until cancelled)
   */
  private async script(fax: Fax): Promise<void> {
    const send = (type: string, extra: Record<string, unknown> = {}, eventId?: string) =>
      this.deliver(fax, type, extra, eventId);
    const suffix = fax.to.slice(-4);
    await tick();
    if (this.options.fetchMedia) {
      const url = String(fax.body.media_url ?? "");
      const response = await fetch(url).catch(() => null);
      const bytes = response ? Buffer.from(await response.arrayBuffer()) : Buffer.alloc(0);
      fax.media = { status: response?.status ?? 0, bytes };
      const tiff = bytes.subarray(0, 4).toString("latin1");
      if (response?.status !== 200 || (tiff !== "II*\0" && tiff !== "MM\0*")) {
        await send("fax.queued");
        return void (await send("fax.failed", { status: "failed", failure_reason: "media_download_failed" }));
      }
    }
    if (suffix === "0555") return void (await send("fax.queued"));
    if (suffix === "0486") {
      await send("fax.queued");
      await send("fax.sending.started");
      return void (await send("fax.failed", { status: "failed", failure_reason: "user_busy" }));
    }
    const delivered = { status: "delivered", page_count: 3, call_duration_secs: 42 };
    if (suffix === "0777") {
      await send("fax.delivered", delivered);
      await send("fax.sending.started");
      return void (await send("fax.queued"));
    }
    await send("fax.media.processed");
    await send("fax.sending.started");
    const id = this.nextEventId();
    await send("fax.delivered", delivered, id);
    await send("fax.delivered", delivered, id); // retried delivery of the same event
    await send("fax.queued"); // a late straggler
  }

  private nextEventId(): string {
    return `evt-${++this.eventSeq}`;
  }

  /** Builds the webhook body for `fax` (exposed for tests that forge or replay deliveries). */
  webhookBody(fax: Fax, type: string, extra: Record<string, unknown> = {}, eventId = this.nextEventId()): string {
    return JSON.stringify({
      data: {
        event_type: type,
        id: eventId,
        occurred_at: new Date().toISOString(),
        record_type: "event",
        payload: {
          fax_id: fax.id,
          connection_id: "conn-1",
          direction: "outbound",
          to: fax.to,
          client_state: fax.clientState,
          ...extra,
        },
      },
      meta: { attempt: 1, delivered_to: fax.webhookUrl },
    });
  }

  /** Posts a webhook signed with `key` (default: ours) at `timestamp` (default: now). */
  async post(url: string, body: string, opts: { key?: KeyObject; timestamp?: number } = {}): Promise<number> {
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(`${timestamp}|${body}`), opts.key ?? this.keys.privateKey).toString(
      "base64",
    );
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "telnyx-timestamp": timestamp,
        "telnyx-signature-ed25519": signature,
      },
      body,
    });
    return response.status;
  }

  private async deliver(fax: Fax, type: string, extra: Record<string, unknown>, eventId?: string): Promise<void> {
    const body = this.webhookBody(fax, type, extra, eventId);
    let status = await this.post(fax.webhookUrl, body);
    for (let retry = 1; this.options.retryWebhooks && (status < 200 || status > 299) && retry <= 5; retry++) {
      await new Promise((r) => setTimeout(r, 20 * retry));
      status = await this.post(fax.webhookUrl, body);
    }
    this.webhooks.push({ eventType: type, status });
    await tick();
  }
}

const tick = () => new Promise((r) => setTimeout(r, 3));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
    req.on("error", reject);
  });
}
