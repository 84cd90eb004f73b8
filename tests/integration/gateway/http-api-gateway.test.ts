import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpApiGateway, type HttpApiSettings } from "@/server/gateway/http-api/http-api-gateway";
import type { FaxProgress, SendFaxRequest } from "@/server/gateway/types";
import { testTrunk } from "../../unit/gateway/support/trunks";
import { FakeFaxApi } from "./support/fake-fax-api";
import { WebhookReceiver } from "./support/webhook-receiver";

const api = new FakeFaxApi();
const receiver = new WebhookReceiver();

beforeAll(async () => {
  await api.start();
  await receiver.start();
});
afterAll(async () => {
  await api.stop();
  await receiver.stop();
});

function gateway(extra: Partial<HttpApiSettings> = {}) {
  const gw = new HttpApiGateway({
    baseUrl: api.baseUrl,
    apiKey: api.apiKey,
    connectionId: "conn-1",
    webhookUrl: receiver.url,
    webhookPublicKey: api.publicKeyBase64,
    mediaUrl: (r) => `https://portal.example/media/${encodeURIComponent(r.reference ?? "doc")}`,
    ...extra,
  });
  receiver.handler = (input) => gw.handleWebhook(input);
  return gw;
}

function request(to: string, progress: FaxProgress[] = []): SendFaxRequest {
  return {
    trunk: testTrunk({ driver: "HTTP_API" }),
    to,
    callerId: "+12125550100",
    resolution: "SUPERFINE",
    tiffPath: "/unused.tif",
    reference: "attempt-1",
    onProgress: (e) => progress.push(e),
  };
}

const webhooksFor = (from: number) => api.webhooks.slice(from).map((w) => `${w.eventType}:${w.status}`);

describe("HTTP fax API gateway (Telnyx-style)", () => {
  it("sends a fax and takes the result from the signed webhooks, ignoring a repeat and a straggler", async () => {
    const progress: FaxProgress[] = [];
    const before = api.webhooks.length;
    const r = await gateway().send(request("+12125550123", progress)).result;
    expect(r).toMatchObject({ outcome: "SENT", pagesSent: 3, totalPages: 3, durationMs: 42_000 });
    expect(r.providerCallId).toBe(api.faxes.at(-1)!.id);
    expect(progress.map((e) => e.kind)).toEqual(["dialing", "connected", "fax-session"]);
    expect(api.faxes.at(-1)!.body).toMatchObject({
      connection_id: "conn-1",
      to: "+12125550123",
      from: "+12125550100",
      media_url: "https://portal.example/media/attempt-1",
      quality: "very_high",
      t38_enabled: true,
      webhook_url: receiver.url,
    });
    // Every delivery was acknowledged (200), so the provider does not retry them.
    await api.faxes.at(-1)!.scripted;
    expect(webhooksFor(before)).toEqual([
      "fax.media.processed:200",
      "fax.sending.started:200",
      "fax.delivered:200",
      "fax.delivered:200",
      "fax.queued:200",
    ]);
  });

  it("maps a failure reason onto our statuses", async () => {
    const r = await gateway().send(request("+12125550486")).result;
    expect(r).toMatchObject({ outcome: "BUSY", resultCode: "user_busy" });
  });

  it("settles on the final state even when webhooks arrive out of order", async () => {
    const progress: FaxProgress[] = [];
    const r = await gateway().send(request("+12125550777", progress)).result;
    expect(r.outcome).toBe("SENT");
    await api.faxes.at(-1)!.scripted;
    expect(progress.map((e) => e.kind)).toEqual(["dialing"]); // nothing after the end
  });

  it("refuses bad signatures, other keys and stale timestamps, and the call does not change", async () => {
    const gw = gateway();
    const call = gw.send(request("+12125550555"));
    while (api.faxes.at(-1)?.to !== "+12125550555" || !api.webhooks.some((w) => w.eventType === "fax.queued")) {
      await new Promise((r) => setTimeout(r, 2));
    }
    const fax = api.faxes.at(-1)!;
    const forged = api.webhookBody(fax, "fax.delivered", { page_count: 3 });
    const stranger = generateKeyPairSync("ed25519").privateKey;
    expect(await api.post(receiver.url, forged, { key: stranger })).toBe(401);
    expect(await api.post(receiver.url, forged, { timestamp: Math.floor(Date.now() / 1000) - 301 })).toBe(401);
    const tampered = forged.replace('"page_count":3', '"page_count":30');
    const ts = Math.floor(Date.now() / 1000);
    const sig = (await import("node:crypto")).sign(null, Buffer.from(`${ts}|${forged}`), api.keys.privateKey);
    const response = await fetch(receiver.url, {
      method: "POST",
      headers: { "telnyx-timestamp": String(ts), "telnyx-signature-ed25519": sig.toString("base64") },
      body: tampered,
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toMatch(/bad signature/);
    // Still waiting: cancel it, which the provider accepts while queued.
    await call.cancel();
    expect((await call.result).outcome).toBe("CANCELLED");
    expect(fax.cancelled).toBe(true);
  });

  it("refuses a webhook that is not a fax event, with a 400", async () => {
    gateway();
    expect(await api.post(receiver.url, JSON.stringify({ data: { event_type: "call.initiated" } }))).toBe(400);
  });

  it("turns refusals of the request itself into statuses", async () => {
    expect((await gateway().send(request("12345")).result).outcome).toBe("INVALID_NUMBER");
    const badKey = await gateway({ apiKey: "wrong" }).send(request("+12125550123")).result;
    expect(badKey).toMatchObject({ outcome: "GENERAL_ERROR", resultText: expect.stringMatching(/API key/) });
  });

  it("says so when the provider cannot be reached", async () => {
    const r = await gateway({ baseUrl: "http://127.0.0.1:1" }).send(request("+12125550123")).result;
    expect(r.outcome).toBe("GENERAL_ERROR");
    expect(r.resultText).toMatch(/Cannot reach the fax provider/);
  });
});
