import type { GatewayTrunk } from "@/server/gateway/types";

export function testTrunk(overrides: Partial<GatewayTrunk> = {}): GatewayTrunk {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    name: "test-trunk",
    driver: "LOOPBACK",
    host: "sip.example.net",
    port: 5060,
    ipAuth: false,
    sipUsername: "faxport",
    sipPassword: "s3cret-pass",
    maxChannels: 4,
    maxCallsPerMinute: 30,
    ...overrides,
  };
}
