/**
 * The HTTP fax API driver's calls, kept on their FaxAttempt rows so the web server (webhooks, media
 * downloads) and the job runner (the waiting call) meet across processes:
 * - a media URL per call carries a random 256-bit token; only its SHA-256 is stored, so nobody who
 *   reads the database or its backups can rebuild the URL, and the hash is cleared when the call ends
 *   (it also expires after MEDIA_URL_TTL_MS, however the call ends);
 * - the provider's fax id is recorded when the provider accepts the fax: webhooks find their attempt
 *   — and so their organisation — by that id only;
 * - the newest verified webhook is stored on the attempt for the waiting call to read.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { systemDb } from "../db/system-db";
import type { HttpApiCalls } from "../gateway/gateway-settings";
import { type FaxWebhook, faxWebhookSchema } from "../gateway/http-api/telnyx-schemas";

/** The provider downloads the pages right after accepting the fax; an hour covers its retries. */
export const MEDIA_URL_TTL_MS = 60 * 60_000;

/** A media token as it appears in the URL: 32 random bytes, base64url. */
export const MEDIA_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashMediaToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function httpApiCalls(opts: { now?: () => Date } = {}): HttpApiCalls {
  const now = opts.now ?? (() => new Date());
  return {
    async mediaUrl(request, urlFor) {
      if (!request.reference) throw new Error("a media URL needs the call's attempt");
      const token = randomBytes(32).toString("base64url");
      await systemDb().faxAttempt.update({
        where: { id: request.reference },
        data: {
          mediaTokenHash: hashMediaToken(token),
          mediaUrlExpiresAt: new Date(now().getTime() + MEDIA_URL_TTL_MS),
        },
      });
      return urlFor(token);
    },
    relay: {
      async callPlaced(reference, providerCallId) {
        await systemDb().faxAttempt.update({ where: { id: reference }, data: { providerCallId } });
      },
      async latest(providerCallId): Promise<FaxWebhook | null> {
        const row = await systemDb().faxAttempt.findUnique({
          where: { providerCallId },
          select: { providerEvent: true },
        });
        const parsed = faxWebhookSchema.safeParse(row?.providerEvent);
        return parsed.success ? parsed.data : null;
      },
      async callEnded(reference) {
        await systemDb().faxAttempt.updateMany({
          where: { id: reference },
          data: { mediaTokenHash: null, mediaUrlExpiresAt: null },
        });
      },
    },
  };
}

/** Stores a verified webhook on its attempt unless something newer is already there. */
export async function storeFaxWebhook(event: FaxWebhook, rank: number): Promise<"stored" | "older" | "unknown"> {
  const db = systemDb();
  const providerCallId = event.data.payload.fax_id;
  const { count } = await db.faxAttempt.updateMany({
    where: { providerCallId, providerEventRank: { lt: rank }, endedAt: null },
    data: { providerEvent: event as unknown as Prisma.InputJsonObject, providerEventRank: rank },
  });
  if (count) return "stored";
  const known = await db.faxAttempt.findUnique({ where: { providerCallId }, select: { id: true } });
  return known ? "older" : "unknown";
}
