/**
 * The Send fax page's call-time estimate against real T.30 calls on the loopback line (spandsp, with the
 * header line every sent page now carries): dialling to hang-up, rings included. It once ran ~12 s short.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateFaxCallMs } from "@/lib/fax-call-time";
import { LoopbackGateway } from "@/server/gateway/loopback/loopback-gateway";
import type { NativeFaxCall } from "@/server/gateway/spandsp/native-fax-call";
import type { FaxResolution } from "@/server/gateway/types";
import { requireNativeFaxCall } from "./support/native-addon";
import { renderTestTiff, scratchDir } from "./support/tiff-pages";
import { testTrunk } from "./support/trunks";

let nativeFaxCall: NativeFaxCall;
let dir: string;
beforeAll(() => {
  nativeFaxCall = requireNativeFaxCall();
  dir = scratchDir("faxport-estimate-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("call-time estimate", () => {
  it.each([
    [1, "FINE"],
    [3, "FINE"],
    [2, "STANDARD"],
  ] as [number, FaxResolution][])(
    "is within a fifth of measured calls for %i page(s) at %s",
    async (pages, quality) => {
      const tiffPath = renderTestTiff(dir, quality, pages, `Estimate ${pages}`);
      const measured: number[] = [];
      for (const seed of ["a", "b", "c", "d"]) {
        const gateway = new LoopbackGateway({ timeScale: 0, seed, nativeFaxCall });
        const call = gateway.send({
          trunk: testTrunk(),
          to: "+12125550123",
          callerId: "+12125550100",
          headerInfo: `Estimate Clinic (${pages} pages)`,
          headerTimeZone: "America/New_York",
          resolution: quality,
          tiffPath,
        });
        const result = await call.result;
        expect(result.outcome).toBe("SENT");
        measured.push(result.durationMs);
      }
      const mean = measured.reduce((a, b) => a + b, 0) / measured.length;
      const estimate = estimateFaxCallMs(pages, quality);
      expect(Math.abs(estimate - mean) / mean).toBeLessThan(0.2);
    },
  );
});
