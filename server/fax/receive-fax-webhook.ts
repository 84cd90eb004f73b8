/**
 * A status webhook from the HTTP fax API (app/api/gateway/[driver]): the signature is checked with
 * the provider's public key before anything is read, the body must be a fax event, and the event is
 * stored on the one attempt whose recorded provider fax id it names — never looked up by anything
 * else the body says, so a webhook cannot reach another organisation's fax. The waiting call reads
 * it from there (http-api-calls.ts). Every refusal is a 4xx with a plain reason.
 */
import { EVENT_RANK, FAX_WEBHOOK_EVENTS, type FaxWebhookEvent } from "../gateway/http-api/telnyx-schemas";
import { storeFaxWebhook } from "./http-api-calls";
import { sendFaxRuntime } from "./send-fax-runtime";

/** Fax events are a few hundred bytes; anything far larger is not one. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;

export type GatewayCallbackAnswer = { status: number; message: string };

export async function receiveFaxWebhook(opts: {
  driver: string;
  rawBody: Buffer;
  headers: Headers;
}): Promise<GatewayCallbackAnswer> {
  if (opts.driver !== "http-api") return { status: 404, message: "No gateway callback here" };
  const gateways = sendFaxRuntime().gateways;
  if (!gateways.configured("HTTP_API")) {
    return { status: 404, message: "The HTTP fax API is not configured on this installation" };
  }
  if (opts.rawBody.length > WEBHOOK_MAX_BYTES) return { status: 413, message: "Webhook body too large" };
  const read = gateways.httpApi().readWebhook({ rawBody: opts.rawBody, headers: opts.headers });
  if (!read.ok) return read.response;
  const type = read.event.data.event_type;
  if (!(FAX_WEBHOOK_EVENTS as readonly string[]).includes(type)) {
    return { status: 200, message: `Event ${type} is not used` };
  }
  const stored = await storeFaxWebhook(read.event, EVENT_RANK[type as FaxWebhookEvent]);
  // Unknown: the provider may be quicker than our record of its fax id; it retries a 404 later.
  if (stored === "unknown") return { status: 404, message: "No fax call with this id" };
  return { status: 200, message: stored === "stored" ? "OK" : "Older than what we know; ignored" };
}
