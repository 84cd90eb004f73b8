import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { outcomeFromFailureReason } from "@/server/gateway/http-api/failure-reasons";
import { ed25519PublicKey, verifyWebhookSignature } from "@/server/gateway/http-api/verify-webhook-signature";

describe("webhook signatures", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url").toString("base64");
  const body = '{"data":{"id":"e1"}}';
  const signed = (ts: number) => sign(null, Buffer.from(`${ts}|${body}`), privateKey).toString("base64");
  const now = 1_800_000_000_000;
  const check = (ts: number, signature = signed(ts)) =>
    verifyWebhookSignature({
      rawBody: body,
      signature,
      timestamp: String(ts),
      publicKey: ed25519PublicKey(raw),
      nowMs: now,
    });

  it("accepts up to 300 s of clock skew either way and refuses beyond", () => {
    expect(check(now / 1000 - 300).ok).toBe(true);
    expect(check(now / 1000 + 300).ok).toBe(true);
    expect(check(now / 1000 - 301)).toEqual({ ok: false, reason: "timestamp too far from now" });
  });

  it("refuses a signature made for another timestamp or missing headers", () => {
    expect(check(now / 1000, signed(now / 1000 - 1))).toEqual({ ok: false, reason: "bad signature" });
    expect(verifyWebhookSignature({ rawBody: body, signature: null, timestamp: "1", publicKey, nowMs: now }).ok).toBe(
      false,
    );
  });

  it("accepts the key as PEM too", () => {
    const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(ed25519PublicKey(pem).asymmetricKeyType).toBe("ed25519");
    expect(() => ed25519PublicKey("c2hvcnQ=")).toThrow(/32 bytes/);
  });
});

describe("provider failure reasons", () => {
  it("map onto our statuses", () => {
    expect(outcomeFromFailureReason("receiver_user_busy")).toBe("BUSY");
    expect(outcomeFromFailureReason("receiver_no_answer")).toBe("NO_ANSWER");
    expect(outcomeFromFailureReason("fax_initial_communication_timeout")).toBe("NOT_A_FAX");
    expect(outcomeFromFailureReason("receiver_unallocated_number")).toBe("INVALID_NUMBER");
    expect(outcomeFromFailureReason("file_download_failed")).toBe("INVALID_ATTACHMENT");
    expect(outcomeFromFailureReason("fax_signaling_error")).toBe("TRANSMISSION_FAILED");
    expect(outcomeFromFailureReason("user_channel_limit_exceeded")).toBe("LIMIT_REACHED");
    expect(outcomeFromFailureReason("something_new")).toBe("GENERAL_ERROR");
  });
});
