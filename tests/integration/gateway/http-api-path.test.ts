/**
 * The HTTP fax API driver through the app's real path: a fax sent with the fax router becomes a job
 * on the embedded runner, the driver asks a local Telnyx-style provider to send it, the provider
 * downloads the pages from our media route and posts signed webhooks to our webhook route, and the
 * fax ends Delivered or failed with the provider's reason. Also: what the two routes answer to
 * hostile requests (never a 5xx, never another call's fax).
 */
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { sendFaxCancelledFunction } from "@/inngest/functions/send-fax-cancelled";
import { createRunner, type Runner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { httpApiCalls } from "@/server/fax/http-api-calls";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import { gatewaySettingsFromEnv } from "@/server/gateway/gateway-settings";
import { createLocalStorage } from "@/server/storage/local-storage";
import { prepareFaxDocument, testGatewayKeyRing } from "../../support/fax-document";
import { callerFor, makeTenant } from "../../support/fixtures";
import { testTempDir } from "../../support/temp-dir";
import { FakeFaxApi } from "./support/fake-fax-api";
import { GatewayRouteServer } from "./support/gateway-route-server";

const api = new FakeFaxApi({ fetchMedia: true, retryWebhooks: true });
const routes = new GatewayRouteServer();
const storage = createLocalStorage(testTempDir("faxport-store-"));
let keys: ReturnType<typeof testGatewayKeyRing>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let restore: (() => void) | null = null;
const runners: Runner[] = [];
const db = () => getDb();

function runner() {
  const r = createRunner({
    functions: [sendFaxFunction, sendFaxCancelledFunction],
    databaseUrl: process.env.DATABASE_URL!,
    pollMs: 20,
  });
  runners.push(r);
  return r;
}

async function send(to: string, attempts = 1) {
  const doc = await prepareFaxDocument({
    tenantId: acme.tenant.id,
    ownerId: acme.user.id,
    pages: 3,
    quality: "FINE",
    storage,
    gatewayKeys: keys,
    keepPages: true,
  });
  const { jobIds } = await user.fax.send({
    titleCipher: await doc.titleCipher("Referral"),
    documentId: doc.document.id,
    destinations: [to],
    gatewaySealedKey: doc.gatewaySealedKey,
    quality: "FINE",
    attempts,
  });
  await runner().drain();
  const id = jobIds[0]!;
  const attempt = await db().faxAttempt.findFirstOrThrow({ where: { faxJobId: id } });
  return { id, doc, attempt, job: await db().faxJob.findUniqueOrThrow({ where: { id } }) };
}

beforeAll(async () => {
  await api.start();
  await routes.start();
  keys = testGatewayKeyRing();
  const settings = gatewaySettingsFromEnv(
    {
      FAX_API_BASE_URL: api.baseUrl,
      FAX_API_KEY: api.apiKey,
      FAX_API_CONNECTION_ID: "conn-1",
      FAX_API_WEBHOOK_PUBLIC_KEY: api.publicKeyBase64,
      FAXPORT_PUBLIC_URL: routes.url,
    },
    { calls: httpApiCalls() },
  );
  expect(settings.httpApi).not.toBeNull();
  restore = setSendFaxRuntime({
    gateways: new GatewayRegistry({ ...settings, httpApi: { ...settings.httpApi!, relayPollMs: 20 } }),
    storage,
    gatewayKeys: keys,
    now: () => new Date(),
    cancelPollMs: 20,
    trunkWaitMs: 5_000,
  });
  acme = await makeTenant("Acme", "acme.localhost");
  user = await callerFor(acme.user.id, acme.hostname);
  await db().did.create({ data: { number: "+12125550170", tenantId: acme.tenant.id, userId: acme.user.id } });
  await db().trunk.create({ data: { name: "Fax API", host: "api.fax.example", driver: "HTTP_API", maxChannels: 4 } });
}, 180_000);

afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop().catch(() => {});
});

afterAll(async () => {
  restore?.();
  await api.stop();
  await routes.stop();
});

describe("a fax over the HTTP fax API trunk", () => {
  it("is delivered: the provider downloads exactly our pages, its webhooks reach the job through our route", async () => {
    const { id, doc, attempt, job } = await send("+1 312 555 0123");
    const fax = api.faxes.at(-1)!;
    expect(fax.body).toMatchObject({
      to: "+13125550123",
      from: "+12125550170",
      webhook_url: `${routes.url}/api/gateway/http-api`,
    });
    // The pages the provider downloaded are the document's fax pages, decrypted by our media route.
    expect(fax.media?.status).toBe(200);
    expect(fax.media?.bytes.equals(readFileSync(doc.tiffPath!))).toBe(true);
    expect(job).toMatchObject({ status: "SENT", failureReason: null });
    expect((await user.fax.get({ id })).statusLabel).toBe("Delivered");
    expect(attempt).toMatchObject({ providerCallId: fax.id, pagesSent: 3, durationMs: 42_000, mediaTokenHash: null });
    await fax.scripted;
    expect(routes.hits).toContainEqual({ method: "POST", path: "/api/gateway/http-api", status: 200 });
    // Every webhook was taken (the repeat and the late "queued" too, answered 200 and ignored).
    expect(api.webhooks.filter((w) => w.status !== 200 && w.status !== 404)).toEqual([]);

    // The media URL died with the call.
    const again = await fetch(String(fax.body.media_url));
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({ error: "This fax link does not exist or has expired" });
  }, 60_000);

  it("fails with the provider's reason (busy)", async () => {
    const { id, job } = await send("+1 312 555 0486");
    expect(job).toMatchObject({ status: "FAILED", failureReason: "BUSY" });
    expect((await user.fax.get({ id })).statusLabel).toBe("Failed — Busy");
  }, 60_000);

  it("answers hostile webhooks with a 4xx and a reason, and a late webhook never changes an ended fax", async () => {
    const { id, attempt } = await send("+1 312 555 0123");
    const fax = api.faxes.find((f) => f.id === attempt.providerCallId)!;
    await fax.scripted;
    const url = `${routes.url}/api/gateway/http-api`;
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const answer = async (response: Response | Promise<Response>) => {
      const r = await response;
      return { status: r.status, body: await r.json() };
    };

    expect(await answer(post(api.webhookBody(fax, "fax.failed")))).toEqual({
      status: 401,
      body: { error: "Webhook refused: missing signature headers" },
    });
    const stranger = generateKeyPairSync("ed25519").privateKey;
    expect(await api.post(url, api.webhookBody(fax, "fax.failed"), { key: stranger })).toBe(401);
    expect(await api.post(url, "{not json")).toBe(400);
    expect(await api.post(url, JSON.stringify({ data: { id: "x" } }))).toBe(400);
    const old = Math.floor(Date.now() / 1000) - 3600;
    expect(await api.post(url, api.webhookBody(fax, "fax.failed"), { timestamp: old })).toBe(401);
    // A fax id we never recorded finds nothing, whatever else the body claims.
    const unknown = { ...fax, id: "not-a-fax-of-ours" };
    expect(await api.post(url, api.webhookBody(unknown, "fax.delivered"))).toBe(404);
    const huge = JSON.stringify({ padding: "x".repeat(70 * 1024) });
    expect(await api.post(url, huge)).toBe(413);
    expect(await answer(fetch(`${routes.url}/api/gateway/loopback`, { method: "POST", body: "{}" }))).toEqual({
      status: 404,
      body: { error: "No gateway callback here" },
    });

    // Signed and genuine, but the fax has ended: stored nowhere, the job stays Delivered.
    expect(await api.post(url, api.webhookBody(fax, "fax.failed", { failure_reason: "user_busy" }))).toBe(200);
    expect(await db().faxJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
  }, 60_000);

  it("serves no pages for a token that is malformed, unknown or spent", async () => {
    const base = `${routes.url}/api/gateway/http-api/media`;
    for (const token of ["short", "A".repeat(43), "../../../../etc/passwd"]) {
      const response = await fetch(`${base}/${encodeURIComponent(token)}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).not.toBe("image/tiff");
    }
  });
});
