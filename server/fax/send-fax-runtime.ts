/**
 * What the send-fax job works with: the gateway drivers, ciphertext storage, the gateway's keys and
 * a clock. Built from the environment on first use; tests put in their own (a controlled clock, a
 * loopback network with its own settings, storage in a temp dir).
 */
import { type GatewayKeyRing, gatewayKeyRingFromEnv } from "../gateway/gateway-key-ring";
import { GatewayRegistry } from "../gateway/gateway-registry";
import { gatewaySettingsFromEnv } from "../gateway/gateway-settings";
import { createStorage } from "../storage/create-storage";
import type { ObjectStorage } from "../storage/object-storage";
import { httpApiCalls } from "./http-api-calls";

export type SendFaxRuntime = {
  gateways: GatewayRegistry;
  storage: ObjectStorage;
  /** The gateway's rotating keys: grants are sealed to them, jobs open grants with them. */
  gatewayKeys: GatewayKeyRing;
  now: () => Date;
  /** How often a call in progress looks for a cancel request. */
  cancelPollMs: number;
  /** How long to wait before looking again when every trunk's channels are busy. */
  trunkWaitMs: number;
};

const shared = globalThis as unknown as { faxportSendFaxRuntime?: SendFaxRuntime };

export function sendFaxRuntime(): SendFaxRuntime {
  shared.faxportSendFaxRuntime ??= {
    // The HTTP fax API's calls meet their webhooks and media downloads on their attempt rows.
    gateways: new GatewayRegistry(gatewaySettingsFromEnv(process.env, { calls: httpApiCalls() })),
    storage: createStorage(),
    gatewayKeys: gatewayKeyRingFromEnv(process.env),
    now: () => new Date(),
    cancelPollMs: 500,
    trunkWaitMs: 5_000,
  };
  return shared.faxportSendFaxRuntime;
}

/** Replaces parts of the runtime (tests); returns a function that puts the previous one back. */
export function setSendFaxRuntime(parts: Partial<SendFaxRuntime>): () => void {
  const previous = shared.faxportSendFaxRuntime;
  shared.faxportSendFaxRuntime = { ...sendFaxRuntime(), ...parts };
  return () => {
    shared.faxportSendFaxRuntime = previous;
  };
}
