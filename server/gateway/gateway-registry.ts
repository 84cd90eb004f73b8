/**
 * Picks the driver for a trunk by its driver name (Prisma enum TrunkDriver). One driver instance per
 * kind, created on first use and shared by every trunk of that kind (the loopback keeps per-trunk
 * channel counts itself).
 */
import type { TrunkDriverName } from "@/lib/schemas/trunk";
import { FreeswitchGateway } from "./freeswitch/freeswitch-gateway";
import type { GatewaySettings } from "./gateway-settings";
import { HttpApiGateway } from "./http-api/http-api-gateway";
import { LoopbackGateway } from "./loopback/loopback-gateway";
import type { FaxGateway, GatewayDescription } from "./types";

const NOT_CONFIGURED: Record<Exclude<TrunkDriverName, "LOOPBACK">, string> = {
  FREESWITCH: "FreeSWITCH is not configured: set FREESWITCH_ESL_HOST and FREESWITCH_ESL_PASSWORD",
  HTTP_API:
    "The HTTP fax API is not configured: set FAX_API_BASE_URL, FAX_API_KEY, FAX_API_CONNECTION_ID, FAX_API_WEBHOOK_URL and FAX_API_WEBHOOK_PUBLIC_KEY",
};

export class GatewayRegistry {
  private readonly gateways = new Map<TrunkDriverName, FaxGateway>();

  constructor(private readonly settings: GatewaySettings) {}

  /** The driver for a trunk; throws a clear message when that driver is not configured. */
  forTrunk(trunk: { driver: TrunkDriverName }): FaxGateway {
    const existing = this.gateways.get(trunk.driver);
    if (existing) return existing;
    const gateway = this.create(trunk.driver);
    this.gateways.set(trunk.driver, gateway);
    return gateway;
  }

  /** What the trunk list shows for a driver, including "not configured". */
  describe(driver: TrunkDriverName): GatewayDescription & { configured: boolean } {
    try {
      return { ...this.forTrunk({ driver }).describe(), configured: true };
    } catch (error) {
      return { driver, summary: (error as Error).message, realFaxEngine: false, notes: [], configured: false };
    }
  }

  /** The HTTP fax API driver, for the webhook route. */
  httpApi(): HttpApiGateway {
    return this.forTrunk({ driver: "HTTP_API" }) as HttpApiGateway;
  }

  async close(): Promise<void> {
    await Promise.all([...this.gateways.values()].map((g) => g.close?.()));
    this.gateways.clear();
  }

  private create(driver: TrunkDriverName): FaxGateway {
    switch (driver) {
      case "LOOPBACK":
        return new LoopbackGateway(this.settings.loopback);
      case "FREESWITCH":
        if (!this.settings.freeswitch) throw new Error(NOT_CONFIGURED.FREESWITCH);
        return new FreeswitchGateway(this.settings.freeswitch);
      case "HTTP_API":
        if (!this.settings.httpApi) throw new Error(NOT_CONFIGURED.HTTP_API);
        return new HttpApiGateway(this.settings.httpApi);
    }
  }
}
