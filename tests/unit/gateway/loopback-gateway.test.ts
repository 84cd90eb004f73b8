import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaxOutcome } from "@/lib/fax-statuses";
import { LoopbackGateway, type LoopbackSettings } from "@/server/gateway/loopback/loopback-gateway";
import { NO_ANSWER_RING_MS } from "@/server/gateway/loopback/number-plan";
import type { NativeFaxCall } from "@/server/gateway/spandsp/native-fax-call";
import type { FaxProgress, FaxResolution, SendFaxRequest } from "@/server/gateway/types";
import { ManualClock } from "./support/manual-clock";
import { requireNativeFaxCall } from "./support/native-addon";
import { decodeTiffPages, renderTestTiff, scratchDir } from "./support/tiff-pages";
import { testTrunk } from "./support/trunks";

let nativeFaxCall: NativeFaxCall;
let dir: string;
let threePages: string;

beforeAll(() => {
  nativeFaxCall = requireNativeFaxCall();
  dir = scratchDir();
  threePages = renderTestTiff(dir, "FINE", 3);
}, 60_000);

const gateways: LoopbackGateway[] = [];
afterAll(async () => {
  for (const gw of gateways) await gw.discardReceived();
  rmSync(dir, { recursive: true, force: true });
});

function gateway(settings: LoopbackSettings = {}) {
  const gw = new LoopbackGateway({ timeScale: 0, seed: "test", keepReceived: true, nativeFaxCall, ...settings });
  gateways.push(gw);
  return gw;
}

function request(to: string, extra: Partial<SendFaxRequest> = {}): SendFaxRequest {
  return { trunk: testTrunk(), to, callerId: "+12125550100", resolution: "FINE", tiffPath: threePages, ...extra };
}

describe("loopback gateway: fax machines", () => {
  it.each(["STANDARD", "FINE", "SUPERFINE"] as FaxResolution[])(
    "a fax machine receives exactly the pages sent at %s",
    async (resolution) => {
      const tiffPath = renderTestTiff(dir, resolution, 3, `Loopback ${resolution}`);
      const progress: FaxProgress[] = [];
      const call = gateway().send(
        request("+12125550123", { tiffPath, resolution, onProgress: (e) => progress.push(e) }),
      );
      const r = await call.result;
      expect(r.outcome).toBe("SENT");
      expect(r.pagesSent).toBe(3);
      expect(r.totalPages).toBe(3);
      expect(r.resolution).toBe(resolution);
      expect(r.bitRate).toBe(14_400);
      expect(r.remoteStationId).toBe("+12125550123");
      expect(r.durationMs).toBeGreaterThan(15_000);
      expect(progress.map((e) => (e.kind === "page" ? `page ${e.page}/${e.pages}` : e.kind))).toEqual([
        "dialing",
        "ringing",
        "connected",
        "fax-session",
        "page 1/3",
        "page 2/3",
        "page 3/3",
      ]);
      const received = decodeTiffPages(r.receivedTiffPath!);
      expect(received.map((p) => p.bitmapSha256)).toEqual(decodeTiffPages(tiffPath).map((p) => p.bitmapSha256));
    },
  );

  it("works over T.38 too", async () => {
    const r = await gateway({ link: "t38" }).send(request("+12125550124")).result;
    expect(r.outcome).toBe("SENT");
    expect(r.pagesSent).toBe(3);
  });

  it("a line that drops in page 2 and a machine out of paper deliver one page", async () => {
    const gw = gateway();
    const dropped = await gw.send(request("+12125550701")).result;
    expect(dropped).toMatchObject({ outcome: "TRANSMISSION_FAILED", pagesSent: 1, resultCode: "49" });
    expect(decodeTiffPages(dropped.receivedTiffPath!)).toHaveLength(1);
    const paper = await gw.send(request("+12125550702")).result;
    expect(paper).toMatchObject({ outcome: "TRANSMISSION_FAILED", pagesSent: 1, resultCode: "21" });
  });
});

describe("loopback gateway: the number plan", () => {
  const cases: Array<[string, FaxOutcome, string | null]> = [
    ["+12125550486", "BUSY", "USER_BUSY"],
    ["+12125550480", "NO_ANSWER", "NO_ANSWER"],
    ["+12125550503", "FAST_BUSY", "NORMAL_CIRCUIT_CONGESTION"],
    ["+12125550404", "INVALID_NUMBER", "UNALLOCATED_NUMBER"],
    ["+12125550410", "SIT_TONE", "NUMBER_CHANGED"],
    ["+12125550603", "BLOCKED", "CALL_REJECTED"],
    ["+12125550600", "VOICE_ANSWER", "NORMAL_CLEARING"],
    ["+12125550601", "NOT_A_FAX", "NORMAL_CLEARING"],
  ];
  it.each(cases)("%s answers as %s", async (to, outcome, cause) => {
    const r = await gateway().send(request(to)).result;
    expect(r.outcome).toBe(outcome);
    expect(r.hangupCause).toBe(cause);
    expect(r.pagesSent).toBe(0);
  });

  it("an unanswered number rings for about 55 seconds of line time", async () => {
    const r = await gateway().send(request("+12125550480")).result;
    expect(r.durationMs).toBeGreaterThanOrEqual(NO_ANSWER_RING_MS);
    expect(r.durationMs).toBeLessThan(NO_ANSWER_RING_MS + 5_000);
  });

  it("refuses a missing document or one that is not a TIFF without dialling", async () => {
    const progress: FaxProgress[] = [];
    const missing = await gateway().send(
      request("+12125550123", { tiffPath: path.join(dir, "nope.tif"), onProgress: (e) => progress.push(e) }),
    ).result;
    expect(missing.outcome).toBe("NO_ATTACHMENT");
    const notTiff = path.join(dir, "note.txt");
    writeFileSync(notTiff, "hello");
    const bad = await gateway().send(request("+12125550123", { tiffPath: notTiff })).result;
    expect(bad.outcome).toBe("INVALID_ATTACHMENT");
    expect(progress).toEqual([]);
  });
});

describe("loopback gateway: time, limits and determinism", () => {
  it("gives the same call times for the same seed", async () => {
    const times = async (seed: string) => {
      const gw = gateway({ seed });
      const out: number[] = [];
      for (const to of ["+12125550123", "+12125550600", "+12125550123"])
        out.push((await gw.send(request(to)).result).durationMs);
      return out;
    };
    const a = await times("alpha");
    expect(await times("alpha")).toEqual(a);
    expect(await times("beta")).not.toEqual(a);
  });

  it("keys call times on the call's reference, whatever order calls start in", async () => {
    const timeOf = async (gw: LoopbackGateway, reference: string) =>
      (await gw.send(request("+12125550600", { reference })).result).durationMs;
    const first = gateway({ seed: "s" });
    const a = await timeOf(first, "attempt-a");
    const b = await timeOf(first, "attempt-b");
    const second = gateway({ seed: "s" });
    expect(await timeOf(second, "attempt-b")).toBe(b);
    expect(await timeOf(second, "attempt-a")).toBe(a);
    expect(a).not.toBe(b);
  });

  it("waits only the time scale's share of line time", async () => {
    const clock = new ManualClock();
    const gw = gateway({ clock, timeScale: 0.25 });
    const start = clock.now();
    const r = await clock.run(gw.send(request("+12125550480")).result);
    expect(clock.now() - start).toBe(r.durationMs * 0.25);
  });

  it("honours the trunk's channels: a call beyond them is refused until one hangs up", async () => {
    const clock = new ManualClock();
    const gw = gateway({ clock, timeScale: 1 });
    const trunk = testTrunk({ maxChannels: 2 });
    const first = gw.send(request("+12125550480", { trunk }));
    const second = gw.send(request("+12125550480", { trunk }));
    await clock.waitForSleepers(2);
    const third = await gw.send(request("+12125550123", { trunk })).result;
    expect(third.outcome).toBe("LIMIT_REACHED");
    expect(third.resultText).toMatch(/2 channels/);
    await clock.run(Promise.all([first.result, second.result]));
    const fourth = await clock.run(gw.send(request("+12125550486", { trunk })).result);
    expect(fourth.outcome).toBe("BUSY");
  });

  it("honours calls per minute on the injected clock", async () => {
    const clock = new ManualClock();
    const gw = gateway({ clock });
    const trunk = testTrunk({ maxCallsPerMinute: 2 });
    const outcomes = async () => (await clock.run(gw.send(request("+12125550486", { trunk })).result)).outcome;
    expect([await outcomes(), await outcomes(), await outcomes()]).toEqual(["BUSY", "BUSY", "LIMIT_REACHED"]);
    await clock.advance(60_000);
    expect(await outcomes()).toBe("BUSY");
  });

  it("cancelling while it rings ends the call as cancelled with the line time so far", async () => {
    const clock = new ManualClock();
    const gw = gateway({ clock, timeScale: 1 });
    const call = gw.send(request("+12125550480"));
    await clock.waitForSleepers();
    await clock.advance(20_000);
    await call.cancel();
    const r = await call.result;
    expect(r.outcome).toBe("CANCELLED");
    expect(r.durationMs).toBe(20_000);
    expect(clock.pending).toBe(0);
  });
});

describe("loopback gateway: cancelling a fax in progress", () => {
  it("stops after the pages already through and reports them", async () => {
    const clock = new ManualClock();
    const progress: FaxProgress[] = [];
    const call = gateway({ clock, timeScale: 1 }).send(
      request("+12125550123", { onProgress: (e) => progress.push(e) }),
    );
    for (let i = 0; i < 200 && !progress.some((e) => e.kind === "page"); i++) {
      await clock.waitForSleepers();
      await clock.advance(1_000);
    }
    expect(progress.at(-1)).toEqual({ kind: "page", page: 1, pages: 3 });
    await call.cancel();
    const r = await call.result;
    expect(r).toMatchObject({ outcome: "CANCELLED", pagesSent: 1, totalPages: 3 });
    expect(r.durationMs).toBeGreaterThan(10_000);
  });
});

describe("loopback gateway: without the spandsp addon", () => {
  it("says it uses a timing model, and still follows the number plan", async () => {
    const gw = gateway({ engine: "model" });
    expect(gw.describe()).toMatchObject({ realFaxEngine: false, summary: expect.stringMatching(/timing model/) });
    expect(gateway().describe().realFaxEngine).toBe(true);
    const sent = await gw.send(request("+12125550123")).result;
    expect(sent).toMatchObject({ outcome: "SENT", pagesSent: 3, resolution: "FINE" });
    expect(sent.receivedTiffPath).toBeUndefined();
    expect((await gw.send(request("+12125550701")).result).pagesSent).toBe(1);
    expect((await gw.send(request("+12125550601")).result).outcome).toBe("NOT_A_FAX");
    expect((await gw.send(request("+12125550486")).result).outcome).toBe("BUSY");
  });

  it("falls back on its own when no addon is available", () => {
    expect(gateway({ nativeFaxCall: null }).describe().realFaxEngine).toBe(false);
    expect(() => gateway({ nativeFaxCall: null, engine: "spandsp" })).toThrow(/not built/);
  });
});
