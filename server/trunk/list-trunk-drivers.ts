/** Which trunk drivers this installation can run, for the trunk form (no connection is made). */
import { TRUNK_DRIVERS, type TrunkDriverName } from "@/lib/schemas/trunk";
import { sendFaxRuntime } from "../fax/send-fax-runtime";

export type TrunkDriverStatus = { driver: TrunkDriverName; configured: boolean; reason: string | null };

export function listTrunkDrivers(): TrunkDriverStatus[] {
  const gateways = sendFaxRuntime().gateways;
  return TRUNK_DRIVERS.map((driver) => {
    const reason = gateways.notConfiguredReason(driver);
    return { driver, configured: reason === null, reason };
  });
}
