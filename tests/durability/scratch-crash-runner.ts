/**
 * The process the scratch crash test kills: gateway work on a document's plaintext, as the jobs do it,
 * with everything under FAXPORT_DATA_DIR (its scratch root, and ciphertext storage in objects/).
 *   SCRATCH_CRASH_MODE=convert  opens the conversion grant sealed to the gateway, decrypts the original
 *                               into a job directory and converts it (convert-stored-document's steps)
 *   SCRATCH_CRASH_MODE=call     decrypts the fax pages for a call (withFaxDocument) and sends them to
 *                               a loopback fax machine at 1/20 of line time (its far end keeps nothing)
 *   SCRATCH_CRASH_MODE=restart  starts as `npm start` does: the scratch sweep, before any job
 * Prints "ready" once started, then "working" when the plaintext is on disk. Input: SCRATCH_CRASH_INPUT,
 * a JSON file with the conversion and send grants (base64, sealed to a key in FAXPORT_DATA_DIR/gateway-keys)
 * and the storage paths.
 */
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

type Input = {
  convertGrant: string;
  sendGrant: string;
  originalPath: string;
  faxTiffPath: string;
};

async function main() {
  const mode = process.env.SCRATCH_CRASH_MODE;
  if (mode === "restart") {
    // Older builds had no scratch root to sweep; the test then finds what they left.
    const scratch = await import("../../server/gateway/convert/scratch-root").catch(() => null);
    const removed = scratch?.sweepScratch() ?? [];
    process.stdout.write(`swept ${removed.length}\nready\n`);
    return;
  }
  const input = JSON.parse(readFileSync(process.env.SCRATCH_CRASH_INPUT!, "utf8")) as Input;
  const { decryptContent, fromBase64, openGatewayGrant } = await import("../../lib/crypto");
  const { createLocalStorage } = await import("../../server/storage/local-storage");
  const { GatewayKeyRing } = await import("../../server/gateway/gateway-key-ring");
  const storage = createLocalStorage(path.resolve(process.env.FAXPORT_DATA_DIR!, "objects"));
  const gatewayKeys = new GatewayKeyRing({ dir: path.resolve(process.env.FAXPORT_DATA_DIR!, "gateway-keys") });
  process.stdout.write("ready\n");

  if (mode === "convert") {
    const { convertDocument, withConversionDir } = await import("../../server/gateway/convert");
    const grant = await openGatewayGrant(await fromBase64(input.convertGrant), "convert", (id) => gatewayKeys.open(id));
    await withConversionDir(async (dir) => {
      const original = path.join(dir, "original.pdf");
      const cipher = await storage.get(input.originalPath);
      await pipeline(
        Readable.from(decryptContent({ streamKey: grant.originalStreamKey! }, cipher)),
        createWriteStream(original, { mode: 0o600 }),
      );
      process.stdout.write("working\n");
      const work = path.join(dir, "work");
      const { mkdir } = await import("node:fs/promises");
      await mkdir(work, { mode: 0o700 });
      await convertDocument({ inputPath: original, declaredName: "original.pdf" }, { workDir: work, quality: "fine" });
    });
  } else if (mode === "call") {
    const { withFaxDocument } = await import("../../server/gateway/open-fax-document");
    const { LoopbackGateway } = await import("../../server/gateway/loopback/loopback-gateway");
    const gateway = new LoopbackGateway({ timeScale: 0.05, engine: "spandsp" });
    await withFaxDocument(
      { faxTiffKey: input.faxTiffPath, gatewaySealedKey: await fromBase64(input.sendGrant) },
      { storage, gatewayKeys },
      (tiffPath) => {
        const call = gateway.send({
          trunk: {
            id: "00000000-0000-4000-8000-000000000001",
            name: "loopback",
            driver: "LOOPBACK",
            host: "loopback.invalid",
            port: 5060,
            ipAuth: false,
            sipUsername: null,
            sipPassword: null,
            maxChannels: 4,
            maxCallsPerMinute: 30,
          },
          to: "+12125550123",
          callerId: "+12125550100",
          resolution: "FINE",
          tiffPath,
          onProgress: (event) => {
            if (event.kind === "page") process.stdout.write("working\n");
          },
        });
        return call.result;
      },
    );
  }
  process.stdout.write("done\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
