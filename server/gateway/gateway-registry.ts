/**
 * Picks the driver for a trunk by its driver name (Prisma enum TrunkDriver). One driver instance per
 * kind, created on first use and shared by every trunk of that kind (the loopback keeps per-trunk
 * channel counts itself).
 */
import type { TrunkDriverName } from "@/lib/schemas/trunk";
import { FreeswitchGateway } from "./freeswitch/freeswitch-gateway";
import { DRIVER_SETTINGS, type GatewaySettings } from "./gateway-settings";
import { HttpApiGateway } from "./http-api/http-api-gateway";
import { LoopbackGateway } from "./loopback/loopback-gateway";
import type { FaxGateway, GatewayDescription } from "./types";

const DRIVER_NAMES: Record<Exclude<TrunkDriverName, "LOOPBACK">, string> = {
  FREESWITCH: "FreeSWITCH",
  HTTP_API: "The HTTP fax API",
};

/** "FreeSWITCH is not configured on this installation: set X and Y in .env" — only what is missing. */
function notConfigured(driver: Exclude<TrunkDriverName, "LOOPBACK">, missing: readonly string[] | undefined): string {
  const names = missing?.length ? missing : DRIVER_SETTINGS[driver];
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `${DRIVER_NAMES[driver]} is not configured on this installation: set ${list} in .env`;
}

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

  /** Whether trunks of this driver can work here (no connection is made). */
  configured(driver: TrunkDriverName): boolean {
    return driver === "LOOPBACK" || Boolean(driver === "FREESWITCH" ? this.settings.freeswitch : this.settings.httpApi);
  }

  /** Why a driver cannot be used here, or null when it can. */
  notConfiguredReason(driver: TrunkDriverName): string | null {
    if (this.configured(driver) || driver === "LOOPBACK") return null;
    return notConfigured(driver, this.settings.missing?.[driver]);
  }

  /** The FreeSWITCH driver when configured (trunk sync), else null. */
  freeswitch(): FreeswitchGateway | null {
    return this.settings.freeswitch ? (this.forTrunk({ driver: "FREESWITCH" }) as FreeswitchGateway) : null;
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
        if (!this.settings.freeswitch) throw new Error(notConfigured(driver, this.settings.missing?.FREESWITCH));
        return new FreeswitchGateway(this.settings.freeswitch);
      case "HTTP_API":
        if (!this.settings.httpApi) throw new Error(notConfigured(driver, this.settings.missing?.HTTP_API));
        return new HttpApiGateway(this.settings.httpApi);
    }
  }
}
