/** Refuses a trunk driver this installation has no settings for, beside the form's driver field. */
import type { TrunkDriverName } from "@/lib/schemas/trunk";
import { badRequest } from "../errors";
import { sendFaxRuntime } from "../fax/send-fax-runtime";

export function requireConfiguredDriver(driver: TrunkDriverName): void {
  const reason = sendFaxRuntime().gateways.notConfiguredReason(driver);
  if (reason) throw badRequest(reason, "driver");
}
