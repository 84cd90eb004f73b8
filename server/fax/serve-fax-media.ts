/**
 * The fax pages of one HTTP fax API call, for the provider to download (the media URL sent with
 * `POST /v2/faxes`). The token names one attempt that is still calling and has not expired; the
 * pages are decrypted from storage with the job's grant straight into the response — nothing
 * decrypted is written to disk — and the pages key is zeroed when the download ends. Any token that
 * does not open a live call gets the same 404, so tokens cannot be probed.
 */
import { Readable } from "node:stream";
import { CryptoError, decryptContent, loadSodium, openGatewayGrant } from "@/lib/crypto";
import { systemDb } from "../db/system-db";
import { hashMediaToken, MEDIA_TOKEN_PATTERN } from "./http-api-calls";
import type { GatewayCallbackAnswer } from "./receive-fax-webhook";
import { sendFaxRuntime } from "./send-fax-runtime";

const GONE: GatewayCallbackAnswer = { status: 404, message: "This fax link does not exist or has expired" };

export async function serveFaxMedia(opts: { driver: string; token: string }): Promise<Response> {
  const refuse = (answer: GatewayCallbackAnswer) => Response.json({ error: answer.message }, { status: answer.status });
  if (opts.driver !== "http-api" || !MEDIA_TOKEN_PATTERN.test(opts.token)) return refuse(GONE);
  const runtime = sendFaxRuntime();
  const attempt = await systemDb().faxAttempt.findUnique({
    where: { mediaTokenHash: hashMediaToken(opts.token) },
    select: {
      endedAt: true,
      mediaUrlExpiresAt: true,
      faxJob: { select: { faxTiffKey: true, gatewaySealedKey: true } },
    },
  });
  const live = attempt && !attempt.endedAt && attempt.mediaUrlExpiresAt && attempt.mediaUrlExpiresAt > runtime.now();
  const { faxTiffKey, gatewaySealedKey } = attempt?.faxJob ?? {};
  if (!live || !faxTiffKey || !gatewaySealedKey) return refuse(GONE);

  let pagesKey: Uint8Array;
  try {
    ({ pagesKey } = await openGatewayGrant(gatewaySealedKey, "send", (id) => runtime.gatewayKeys.open(id)));
  } catch (error) {
    if (error instanceof CryptoError) return refuse(GONE);
    throw error;
  }
  const sodium = await loadSodium();
  const stored = await runtime.storage.get(faxTiffKey).catch(() => null);
  if (!stored) {
    sodium.memzero(pagesKey);
    return refuse(GONE);
  }
  const cipher = stored;
  async function* pages() {
    try {
      yield* decryptContent(pagesKey, cipher);
    } finally {
      sodium.memzero(pagesKey);
      cipher.destroy();
    }
  }
  return new Response(Readable.toWeb(Readable.from(pages())) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "image/tiff",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
