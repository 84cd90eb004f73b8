/**
 * FreeSWITCH trunks through the app: saving a trunk with the trunk router writes its sofia gateway
 * and reloads FreeSWITCH (a local event socket that keeps gateways as FreeSWITCH does), changing or
 * deleting it follows, an unreachable FreeSWITCH is reported beside a save that still happened, and
 * a fax sent with the fax router is dialled by the job over that gateway and ends with its status.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendFaxFunction } from "@/inngest/functions/send-fax";
import { sendFaxCancelledFunction } from "@/inngest/functions/send-fax-cancelled";
import { createRunner, type Runner } from "@/inngest/runner/runner";
import { getDb } from "@/server/db/client";
import { setSendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { sofiaGatewayName } from "@/server/gateway/freeswitch/originate-command";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import { gatewaySettingsFromEnv } from "@/server/gateway/gateway-settings";
import { createLocalStorage } from "@/server/storage/local-storage";
import { prepareFaxDocument, testGatewayKeyRing } from "../../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant } from "../../support/fixtures";
import { testTempDir } from "../../support/temp-dir";
import { FakeFreeswitch } from "./support/fake-freeswitch";

// The gateway files hold the trunks' SIP passwords (as FreeSWITCH needs them): a private folder, removed after.
const gatewayDir = mkdtempSync(path.join(tmpdir(), "faxport-sofia-"));
const freeswitch = new FakeFreeswitch("ClueCon", gatewayDir);
const storage = createLocalStorage(testTempDir("faxport-store-"));
let keys: ReturnType<typeof testGatewayKeyRing>;
let platform: Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Awaited<ReturnType<typeof callerFor>>;
let restore: (() => void) | null = null;
const runners: Runner[] = [];
const db = () => getDb();

const trunkInput = {
  name: "Carrier One",
  active: true,
  gatewayType: "SIP" as const,
  driver: "FREESWITCH" as const,
  ipAuth: false,
  sipUsername: "acct-100",
  sipPassword: "Sip-Pa55word",
  host: "sip.carrier.example",
  port: 5060,
  maxChannels: 4,
  maxCallsPerMinute: 60,
};

/** The app's runtime with FreeSWITCH at `port` (settings as read from the environment). */
function useFreeswitchAt(port: number) {
  const settings = gatewaySettingsFromEnv({
    FREESWITCH_ESL_HOST: "127.0.0.1",
    FREESWITCH_ESL_PORT: String(port),
    FREESWITCH_ESL_PASSWORD: "ClueCon",
    FREESWITCH_GATEWAY_DIR: gatewayDir,
  });
  restore?.();
  restore = setSendFaxRuntime({
    gateways: new GatewayRegistry({ ...settings, freeswitch: { ...settings.freeswitch!, connectTimeoutMs: 1_000 } }),
    storage,
    gatewayKeys: keys,
    now: () => new Date(),
    cancelPollMs: 20,
    trunkWaitMs: 5_000,
  });
}

const sofia = (command: string) => `api sofia profile external ${command}`;

beforeAll(async () => {
  await freeswitch.start();
  useFreeswitchAt(freeswitch.port);
  keys = testGatewayKeyRing();
  platform = await callerFor((await makePlatformAdmin()).id, "localhost");
  acme = await makeTenant("Acme", "acme.localhost");
  user = await callerFor(acme.user.id, acme.hostname);
  await db().did.create({ data: { number: "+12125550170", tenantId: acme.tenant.id, userId: acme.user.id } });
}, 180_000);

afterEach(async () => {
  for (const r of runners.splice(0)) await r.stop().catch(() => {});
  await db().trunk.deleteMany({});
});

afterAll(async () => {
  restore?.();
  await freeswitch.stop();
  rmSync(gatewayDir, { recursive: true, force: true });
});

describe("FreeSWITCH trunks saved in the portal", () => {
  it("are loaded into FreeSWITCH on create, reloaded on change, and removed when switched off or deleted", async () => {
    const created = await platform.trunk.create(trunkInput);
    const name = sofiaGatewayName(created);
    const file = path.join(gatewayDir, `${name}.xml`);
    expect(created.gatewaySync).toEqual({ ok: true, message: "FreeSWITCH loaded the trunk." });
    expect(freeswitch.commands).toContain(sofia("rescan"));
    expect(freeswitch.gateways.get(name)).toContain('<param name="proxy" value="sip.carrier.example:5060"/>');
    expect(freeswitch.gateways.get(name)).toContain('<param name="password" value="Sip-Pa55word"/>');

    // A change (password kept, as the form sends it) is written and the old gateway replaced.
    const seen = freeswitch.commands.length;
    const moved = await platform.trunk.update({
      ...trunkInput,
      id: created.id,
      host: "sip2.carrier.example",
      sipPassword: "",
    });
    expect(moved.gatewaySync?.ok).toBe(true);
    expect(freeswitch.commands.slice(seen)).toEqual([sofia(`killgw ${name}`), sofia("rescan")]);
    expect(freeswitch.gateways.get(name)).toContain('value="sip2.carrier.example:5060"');
    expect(freeswitch.gateways.get(name)).toContain('<param name="password" value="Sip-Pa55word"/>');

    const off = await platform.trunk.update({ ...trunkInput, id: created.id, active: false, sipPassword: "" });
    expect(off.gatewaySync).toEqual({ ok: true, message: "FreeSWITCH removed the trunk." });
    expect(freeswitch.gateways.has(name)).toBe(false);
    expect(existsSync(file)).toBe(false);

    await platform.trunk.update({ ...trunkInput, id: created.id, sipPassword: "" });
    expect(freeswitch.gateways.has(name)).toBe(true);
    const deleted = await platform.trunk.delete({ id: created.id });
    expect(deleted.gatewaySync?.ok).toBe(true);
    expect(freeswitch.commands.at(-1)).toBe(sofia(`killgw ${name}`));
    expect(freeswitch.gateways.has(name)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it("keeps the save but says so when FreeSWITCH cannot be reached", async () => {
    const closed = new FakeFreeswitch();
    await closed.start();
    const port = closed.port;
    await closed.stop();
    useFreeswitchAt(port);
    try {
      const created = await platform.trunk.create({ ...trunkInput, name: "Unreached" });
      expect(created.gatewaySync).toEqual({
        ok: false,
        message: expect.stringMatching(
          /^Saved here, but FreeSWITCH did not take the change \(.+\)\. Once FreeSWITCH is reachable, save the trunk again\.$/,
        ),
      });
      expect(await db().trunk.findUnique({ where: { id: created.id } })).not.toBeNull();
    } finally {
      useFreeswitchAt(freeswitch.port);
    }
  });
});

describe("a fax over a FreeSWITCH trunk", () => {
  async function send(to: string) {
    const doc = await prepareFaxDocument({
      tenantId: acme.tenant.id,
      ownerId: acme.user.id,
      pages: 3,
      quality: "FINE",
      storage,
      gatewayKeys: keys,
    });
    const { jobIds } = await user.fax.send({
      titleCipher: await doc.titleCipher("Referral"),
      documentId: doc.document.id,
      destinations: [to],
      gatewaySealedKey: doc.gatewaySealedKey,
      quality: "FINE",
      attempts: 1,
    });
    const runner = createRunner({
      functions: [sendFaxFunction, sendFaxCancelledFunction],
      databaseUrl: process.env.DATABASE_URL!,
      pollMs: 20,
    });
    runners.push(runner);
    await runner.drain();
    return jobIds[0]!;
  }

  it("is dialled over the trunk's loaded gateway and ends Delivered, or with the line's status", async () => {
    const trunk = await platform.trunk.create({ ...trunkInput, name: "Carrier Two" });
    const gateway = sofiaGatewayName(trunk);

    const delivered = await send("+1 312 555 0123");
    expect(freeswitch.originates.at(-1)).toMatchObject({ gateway, number: "+13125550123" });
    expect(await db().faxJob.findUniqueOrThrow({ where: { id: delivered } })).toMatchObject({
      status: "SENT",
      pages: 3,
    });
    expect((await user.fax.get({ id: delivered })).statusLabel).toBe("Delivered");
    const attempt = await db().faxAttempt.findFirstOrThrow({ where: { faxJobId: delivered } });
    expect(attempt).toMatchObject({ trunkId: trunk.id, pagesSent: 3, remoteStationId: "REMOTE FAX" });

    const busy = await send("+1 312 555 0486");
    expect(await db().faxJob.findUniqueOrThrow({ where: { id: busy } })).toMatchObject({
      status: "FAILED",
      failureReason: "BUSY",
    });
    expect(readFileSync(path.join(gatewayDir, `${gateway}.xml`), "utf8")).toContain(`<gateway name="${gateway}">`);
  }, 60_000);
});
