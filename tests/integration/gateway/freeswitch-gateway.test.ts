import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FreeswitchGateway } from "@/server/gateway/freeswitch/freeswitch-gateway";
import { sofiaGatewayName } from "@/server/gateway/freeswitch/originate-command";
import { sofiaGatewayXml } from "@/server/gateway/freeswitch/sofia-gateway-xml";
import type { FaxProgress, SendFaxRequest } from "@/server/gateway/types";
import { testTempDir } from "../../support/temp-dir";
import { testTrunk } from "../../unit/gateway/support/trunks";
import { FakeFreeswitch } from "./support/fake-freeswitch";

const fs = new FakeFreeswitch("s3cret");
let gateway: FreeswitchGateway;
const trunk = testTrunk({ driver: "FREESWITCH" });

beforeAll(() => fs.start());
afterAll(() => fs.stop());
afterEach(() => gateway?.close());

function connect(extra: Partial<ConstructorParameters<typeof FreeswitchGateway>[0]> = {}) {
  gateway = new FreeswitchGateway({ host: "127.0.0.1", port: fs.port, password: "s3cret", ...extra });
  return gateway;
}

function request(to: string, progress: FaxProgress[] = []): SendFaxRequest {
  return {
    trunk,
    to,
    callerId: "+12125550100",
    resolution: "FINE",
    tiffPath: "/var/spool/faxport/job-1.tif",
    onProgress: (e) => progress.push(e),
  };
}

describe("FreeSWITCH gateway over the event socket", () => {
  it("sends a fax: originate over the trunk's gateway with T.38, progress, and the spandsp result", async () => {
    const progress: FaxProgress[] = [];
    const r = await connect().send(request("+12125550123", progress)).result;
    expect(r).toMatchObject({
      outcome: "SENT",
      pagesSent: 3,
      totalPages: 3,
      bitRate: 14_400,
      remoteStationId: "REMOTE FAX",
      hangupCause: "NORMAL_CLEARING",
      resolution: "FINE",
      ecmUsed: true,
      transport: "T38",
    });
    expect(progress.map((e) => (e.kind === "page" ? `page ${e.page}/${e.pages}` : e.kind))).toEqual([
      "dialing",
      "ringing",
      "connected",
      "fax-session",
      "page 1/3",
      "page 2/3",
      "page 3/3",
    ]);
    const o = fs.originates.at(-1)!;
    expect(o.gateway).toBe(sofiaGatewayName(trunk));
    expect(o.number).toBe("+12125550123");
    expect(o.file).toBe("/var/spool/faxport/job-1.tif");
    expect(o.vars).toMatchObject({
      fax_enable_t38: "true",
      fax_enable_t38_request: "true",
      origination_caller_id_number: "+12125550100",
      originate_timeout: "55",
    });
    expect(fs.commands).toContain(
      "event plain BACKGROUND_JOB CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE CUSTOM spandsp::txfaxnegociateresult spandsp::txfaxresult spandsp::txfaxpageresult",
    );
  });

  it("maps a busy line and an unanswered one from their hang-up causes", async () => {
    const gw = connect();
    const [busy, noAnswer] = await Promise.all([
      gw.send(request("+12125550486")).result,
      gw.send(request("+12125550480")).result,
    ]);
    expect(busy).toMatchObject({ outcome: "BUSY", hangupCause: "USER_BUSY", pagesSent: 0 });
    expect(noAnswer).toMatchObject({ outcome: "NO_ANSWER", hangupCause: "NO_ANSWER" });
  });

  it("falls back to G.711 when the far end refuses T.38", async () => {
    const before = fs.originates.length;
    const r = await connect().send(request("+12125550388")).result;
    expect(r).toMatchObject({ outcome: "SENT", pagesSent: 3, transport: "G711" });
    const tries = fs.originates.slice(before).map((o) => o.vars.fax_enable_t38);
    expect(tries).toEqual(["true", "false"]);
  });

  it("dials G.711 only when T.38 is switched off", async () => {
    const before = fs.originates.length;
    const r = await connect({ t38: false }).send(request("+12125550123")).result;
    expect(r.transport).toBe("G711");
    expect(fs.originates.slice(before).map((o) => o.vars.fax_enable_t38)).toEqual(["false"]);
  });

  it("reports a line with no fax machine from spandsp's result code", async () => {
    const r = await connect().send(request("+12125550601")).result;
    expect(r).toMatchObject({ outcome: "NOT_A_FAX", resultCode: "2" });
  });

  it("cancels a ringing call with uuid_kill", async () => {
    const progress: FaxProgress[] = [];
    const call = connect().send(request("+12125550555", progress));
    while (!progress.some((e) => e.kind === "ringing")) await new Promise((r) => setTimeout(r, 2));
    await call.cancel();
    const r = await call.result;
    expect(r).toMatchObject({ outcome: "CANCELLED", hangupCause: "ORIGINATOR_CANCEL" });
    expect(fs.commands.some((c) => /^api uuid_kill \S+ ORIGINATOR_CANCEL$/.test(c))).toBe(true);
  });

  it("ends calls in progress with a clear error when FreeSWITCH goes away, and reconnects", async () => {
    const gw = connect();
    const before = fs.originates.length;
    const call = gw.send(request("+12125550555"));
    while (fs.originates.length === before) await new Promise((r) => setTimeout(r, 2));
    fs.dropConnections();
    const r = await call.result;
    expect(r.outcome).toBe("GENERAL_ERROR");
    expect(r.resultText).toMatch(/event socket/);
    expect((await gw.send(request("+12125550123")).result).outcome).toBe("SENT");
  });

  it("says so when the password is wrong", async () => {
    const r = await connect({ password: "wrong" }).send(request("+12125550123")).result;
    expect(r.outcome).toBe("GENERAL_ERROR");
    expect(r.resultText).toMatch(/refused the event socket password/);
  });

  it("installs a trunk as a sofia gateway and reloads the profile", async () => {
    const gatewayDir = testTempDir("faxport-sofia-");
    await connect({ gatewayDir }).syncTrunk(trunk);
    const name = sofiaGatewayName(trunk);
    const xml = readFileSync(path.join(gatewayDir, `${name}.xml`), "utf8");
    expect(xml).toContain(`<gateway name="${name}">`);
    expect(xml).toContain('<param name="password" value="s3cret-pass"/>');
    expect(fs.commands.slice(-2)).toEqual([
      `api sofia profile external killgw ${name}`,
      "api sofia profile external rescan",
    ]);
  });
});

describe("sofia gateway XML", () => {
  it("registers with username and password, escaping what XML needs", () => {
    const xml = sofiaGatewayXml(testTrunk({ sipPassword: 'p&ss"<word>', host: "sip.carrier.example", port: 5080 }));
    expect(xml).toContain('<param name="proxy" value="sip.carrier.example:5080"/>');
    expect(xml).toContain('<param name="register" value="true"/>');
    expect(xml).toContain('<param name="username" value="faxport"/>');
    expect(xml).toContain('<param name="password" value="p&amp;ss&quot;&lt;word&gt;"/>');
  });

  it("uses IP authentication without registering", () => {
    const xml = sofiaGatewayXml(testTrunk({ ipAuth: true, sipUsername: null, sipPassword: null, host: "2001:db8::5" }));
    expect(xml).toContain('<param name="register" value="false"/>');
    expect(xml).toContain('<param name="proxy" value="[2001:db8::5]:5060"/>');
    expect(xml).not.toContain("s3cret");
  });

  it("refuses a registering trunk without credentials", () => {
    expect(() => sofiaGatewayXml(testTrunk({ sipPassword: null }))).toThrow(/needs a SIP username and password/);
  });
});
