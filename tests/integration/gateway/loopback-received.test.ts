/**
 * The loopback trunk's far end receives a document's plaintext pages. It keeps them only when a test
 * asks (to compare pages), in a private folder under the scratch root that the test deletes — never a
 * world-readable folder in the system temp dir, and by default not at all.
 */
import { stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withConversionDir } from "@/server/gateway/convert";
import { processScratchDir, scratchRoot } from "@/server/gateway/convert/scratch-root";
import { LoopbackGateway } from "@/server/gateway/loopback/loopback-gateway";
import type { NativeFaxCall } from "@/server/gateway/spandsp/native-fax-call";
import { filesUnder } from "../../support/canary";
import { requireNativeFaxCall } from "../../unit/gateway/support/native-addon";
import { decodeTiffPages, renderTestTiff } from "../../unit/gateway/support/tiff-pages";
import { testTrunk } from "../../unit/gateway/support/trunks";

let nativeFaxCall: NativeFaxCall;

beforeAll(() => {
  nativeFaxCall = requireNativeFaxCall();
}, 120_000);

function send(gateway: LoopbackGateway, tiffPath: string) {
  return gateway.send({
    trunk: testTrunk(),
    to: "+12125550123",
    callerId: "+12125550100",
    resolution: "FINE",
    tiffPath,
  }).result;
}

describe("what the loopback far end keeps", () => {
  it("nothing, by default: the received pages are gone when the call ends", async () => {
    await withConversionDir(async (dir) => {
      const tiff = renderTestTiff(dir, "FINE", 2, "Keep nothing");
      // This process's scratch folder (other test files work beside it) and the old default folder.
      const watched = [processScratchDir(), path.join(tmpdir(), "faxport-loopback")];
      const before = new Set(watched.flatMap(filesUnder));
      const gateway = new LoopbackGateway({ timeScale: 0, seed: "keep-nothing", nativeFaxCall });
      const result = await send(gateway, tiff);
      expect(result).toMatchObject({ outcome: "SENT", pagesSent: 2 });
      expect(result.receivedTiffPath).toBeUndefined();
      expect(await gateway.receivedDir()).toBeNull();
      const added = watched.flatMap(filesUnder).filter((f) => !before.has(f) && !f.startsWith(`${dir}/`));
      expect(added).toEqual([]);
    });
  });

  it("when asked: in a private folder under the scratch root, until the test discards it", async () => {
    await withConversionDir(async (dir) => {
      const tiff = renderTestTiff(dir, "FINE", 2, "Keep for comparing");
      const gateway = new LoopbackGateway({ timeScale: 0, seed: "keep", nativeFaxCall, keepReceived: true });
      const result = await send(gateway, tiff);
      expect(result.outcome).toBe("SENT");
      const kept = (await gateway.receivedDir())!;
      expect(kept.startsWith(`${scratchRoot()}/`)).toBe(true);
      expect((await stat(kept)).mode & 0o777).toBe(0o700);
      expect(path.dirname(result.receivedTiffPath!)).toBe(kept);
      expect(decodeTiffPages(result.receivedTiffPath!).map((p) => p.bitmapSha256)).toEqual(
        decodeTiffPages(tiff).map((p) => p.bitmapSha256),
      );
      await gateway.discardReceived();
      await expect(stat(kept)).rejects.toMatchObject({ code: "ENOENT" });
      expect(await gateway.receivedDir()).toBeNull();
    });
  });
});
