import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeFromT30Code } from "@/lib/fax-statuses";
import type { NativeFaxCall } from "@/server/gateway/spandsp/native-fax-call";
import { type FaxResolution, resolutionFromYDpi } from "@/server/gateway/types";
import { requireNativeFaxCall } from "./support/native-addon";
import { decodeTiffPages, renderTestTiff, scratchDir } from "./support/tiff-pages";

let runFaxCall: NativeFaxCall;
let dir: string;

beforeAll(() => {
  runFaxCall = requireNativeFaxCall();
  dir = scratchDir();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true })); // the fax pages sent and received

describe("spandsp fax call (native addon)", () => {
  it.each(["STANDARD", "FINE", "SUPERFINE"] as FaxResolution[])(
    "delivers every page of a %s document pixel for pixel",
    async (resolution) => {
      const sent = renderTestTiff(dir, resolution, 3);
      const received = path.join(dir, `rx-${resolution}.tif`);
      const r = await runFaxCall({ txFile: sent, rxFile: received, txIdent: "+15550100", rxIdent: "+15550199" });
      expect(r.resultCode).toBe(0);
      expect(outcomeFromT30Code(r.resultCode)).toBe("SENT");
      expect(r.pagesSent).toBe(3);
      expect(r.pagesReceived).toBe(3);
      expect(r.remoteIdent).toBe("+15550199");
      expect(resolutionFromYDpi(r.yDpi)).toBe(resolution);
      expect(r.bitRate).toBe(14_400);
      // A real fax call takes real line time: seconds per page, not milliseconds.
      expect(r.callMs).toBeGreaterThan(10_000);
      const want = decodeTiffPages(sent);
      const got = decodeTiffPages(received);
      expect(got.map((p) => p.bitmapSha256)).toEqual(want.map((p) => p.bitmapSha256));
      expect(got[0]?.width).toBe(1728);
      expect(resolutionFromYDpi(got[0]?.yDpi ?? 0)).toBe(resolution); // spandsp stores 392 dpi as 391
      expect(want[0]!.blackBits).toBeGreaterThan(1000); // the pages are not blank
    },
  );

  it.each(["linear", "ulaw", "t38"] as const)("completes over a %s link, with and without ECM", async (link) => {
    const sent = renderTestTiff(dir, "FINE", 2);
    for (const ecm of [true, false]) {
      const received = path.join(dir, `rx-${link}-${ecm}.tif`);
      const r = await runFaxCall({ txFile: sent, rxFile: received, link, ecm });
      expect(r.resultCode).toBe(0);
      expect(r.ecmUsed).toBe(ecm);
      expect(decodeTiffPages(received).map((p) => p.bitmapSha256)).toEqual(
        decodeTiffPages(sent).map((p) => p.bitmapSha256),
      );
    }
  });

  it("reports progress: connected, then each page with its call time", async () => {
    const r = await runFaxCall({ txFile: renderTestTiff(dir, "FINE", 2), rxFile: path.join(dir, "rx-progress.tif") });
    expect(r.events.map((e) => `${e.kind}:${e.page}`)).toEqual(["connected:0", "page:1", "page:2"]);
    const times = r.events.map((e) => e.atMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.at(-1)!).toBeLessThanOrEqual(r.callMs);
  });

  it("a line that drops during page 2 delivers only page 1", async () => {
    const sent = renderTestTiff(dir, "FINE", 3);
    for (const link of ["alaw", "t38"] as const) {
      const received = path.join(dir, `rx-drop-${link}.tif`);
      const r = await runFaxCall({ txFile: sent, rxFile: received, link, dropAfterPages: 1 });
      expect(r.resultCode).toBe(49); // call dropped
      expect(outcomeFromT30Code(r.resultCode)).toBe("TRANSMISSION_FAILED");
      expect(r.pagesSent).toBe(1);
      expect(decodeTiffPages(received).map((p) => p.bitmapSha256)).toEqual([decodeTiffPages(sent)[0]!.bitmapSha256]);
    }
  });

  it("a receiver that gives up during page 3 leaves the sender without an answer", async () => {
    const r = await runFaxCall({
      txFile: renderTestTiff(dir, "FINE", 3),
      rxFile: path.join(dir, "rx-paper.tif"),
      receiverFailAfterPages: 2,
    });
    expect(r.resultCode).toBe(21); // no response after sending a page
    expect(outcomeFromT30Code(r.resultCode)).toBe("TRANSMISSION_FAILED");
    expect(r.pagesSent).toBe(2);
  });

  it("a line with no fax machine times out as not a fax", async () => {
    const r = await runFaxCall({
      txFile: renderTestTiff(dir, "FINE", 1),
      rxFile: path.join(dir, "rx-none.tif"),
      silentFarEnd: true,
    });
    expect(outcomeFromT30Code(r.resultCode)).toBe("NOT_A_FAX");
    expect(r.pagesSent).toBe(0);
  });

  it("refuses a file that is not a TIFF as a bad attachment", async () => {
    const r = await runFaxCall({ txFile: path.join(dir, "missing.tif"), rxFile: path.join(dir, "rx-missing.tif") });
    expect(r.resultCode).toBe(41);
    expect(outcomeFromT30Code(r.resultCode)).toBe("INVALID_ATTACHMENT");
  });

  it("runs off the main thread: timers keep firing and calls run side by side", async () => {
    const sent = renderTestTiff(dir, "SUPERFINE", 3);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => runFaxCall({ txFile: sent, rxFile: path.join(dir, `rx-par-${n}.tif`), link: "ulaw" })),
    );
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(results.map((r) => r.resultCode)).toEqual([0, 0, 0, 0]);
    expect(ticks).toBeGreaterThan(elapsed / 20);
  });
});
