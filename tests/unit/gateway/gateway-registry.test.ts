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
        FREESWITCH_GATEWAY_DIR: "/etc/freeswitch/sip_profiles/external",
        FREESWITCH_T38: "false",
        FAX_API_BASE_URL: "https://api.telnyx.example",
        FAX_API_KEY: "KEY",
        FAX_API_CONNECTION_ID: "c1",
        FAX_API_WEBHOOK_PUBLIC_KEY: publicKey,
        FAXPORT_PUBLIC_URL: "https://portal.example/",
      },
      { mediaUrl: () => "https://portal.example/media/x" },
    );
    expect(settings.loopback.timeScale).toBe(0.01);
    expect(settings.freeswitch).toMatchObject({ port: 8021, t38: false });
    const registry = new GatewayRegistry(settings);
    expect(registry.forTrunk({ driver: "FREESWITCH" })).toBeInstanceOf(FreeswitchGateway);
    expect(registry.httpApi()).toBeInstanceOf(HttpApiGateway);
    expect(registry.describe("HTTP_API").notes).toContain("Webhooks to https://portal.example/api/gateway/http-api");
  });

  it("names only the settings still missing, and takes the public address from PLATFORM_URL", () => {
    const registry = new GatewayRegistry(
      gatewaySettingsFromEnv(
        { FREESWITCH_ESL_HOST: "127.0.0.1", FREESWITCH_ESL_PASSWORD: "ClueCon", PLATFORM_URL: "https://fax.example" },
        { mediaUrl: () => "https://fax.example/media/x" },
      ),
    );
    expect(registry.notConfiguredReason("FREESWITCH")).toBe(
      "FreeSWITCH is not configured on this installation: set FREESWITCH_GATEWAY_DIR in .env",
    );
    expect(registry.notConfiguredReason("HTTP_API")).toBe(
      "The HTTP fax API is not configured on this installation: set FAX_API_BASE_URL, FAX_API_KEY, FAX_API_CONNECTION_ID and FAX_API_WEBHOOK_PUBLIC_KEY in .env",
    );
    expect(registry.notConfiguredReason("LOOPBACK")).toBeNull();
  });

  it("explains invalid settings", () => {
    expect(() => gatewaySettingsFromEnv({ FREESWITCH_ESL_PORT: "99999" })).toThrow(/FREESWITCH_ESL_PORT/);
  });
});
