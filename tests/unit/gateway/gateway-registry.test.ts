import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FreeswitchGateway } from "@/server/gateway/freeswitch/freeswitch-gateway";
import { GatewayRegistry } from "@/server/gateway/gateway-registry";
import { gatewaySettingsFromEnv } from "@/server/gateway/gateway-settings";
import { HttpApiGateway } from "@/server/gateway/http-api/http-api-gateway";
import { LoopbackGateway } from "@/server/gateway/loopback/loopback-gateway";

const publicKey = Buffer.from(
  generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x!,
  "base64url",
).toString("base64");

describe("gateway registry", () => {
  it("runs loopback trunks with no settings and says which drivers are not configured", () => {
    const registry = new GatewayRegistry(gatewaySettingsFromEnv({}));
    expect(registry.forTrunk({ driver: "LOOPBACK" })).toBeInstanceOf(LoopbackGateway);
    expect(registry.forTrunk({ driver: "LOOPBACK" })).toBe(registry.forTrunk({ driver: "LOOPBACK" }));
    expect(() => registry.forTrunk({ driver: "FREESWITCH" })).toThrow(/FREESWITCH_ESL_HOST/);
    expect(registry.describe("HTTP_API")).toMatchObject({
      configured: false,
      summary: expect.stringMatching(/FAX_API_KEY/),
    });
    expect(registry.describe("LOOPBACK").configured).toBe(true);
  });

  it("builds the FreeSWITCH and HTTP API drivers from the environment", () => {
    const settings = gatewaySettingsFromEnv(
      {
        FAXPORT_LOOPBACK_TIME_SCALE: "0.01",
        FREESWITCH_ESL_HOST: "127.0.0.1",
        FREESWITCH_ESL_PASSWORD: "ClueCon",
        FREESWITCH_T38: "false",
        FAX_API_BASE_URL: "https://api.telnyx.example",
        FAX_API_KEY: "KEY",
        FAX_API_CONNECTION_ID: "c1",
        FAX_API_WEBHOOK_URL: "https://portal.example/api/webhooks/fax",
        FAX_API_WEBHOOK_PUBLIC_KEY: publicKey,
      },
      { mediaUrl: () => "https://portal.example/media/x" },
    );
    expect(settings.loopback.timeScale).toBe(0.01);
    expect(settings.freeswitch).toMatchObject({ port: 8021, t38: false });
    const registry = new GatewayRegistry(settings);
    expect(registry.forTrunk({ driver: "FREESWITCH" })).toBeInstanceOf(FreeswitchGateway);
    expect(registry.httpApi()).toBeInstanceOf(HttpApiGateway);
  });

  it("explains invalid settings", () => {
    expect(() => gatewaySettingsFromEnv({ FREESWITCH_ESL_PORT: "99999" })).toThrow(/FREESWITCH_ESL_PORT/);
  });
});
