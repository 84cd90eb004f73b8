/**
 * What a trunk looks like outside the server: everything but the sealed password, which is
 * replaced by `hasPassword`. Every trunk output goes through here so the secret cannot leak.
 */
import type { Prisma } from "@prisma/client";

export const trunkSelect = {
  id: true,
  name: true,
  active: true,
  gatewayType: true,
  driver: true,
  ipAuth: true,
  sipUsername: true,
  sipPasswordSealed: true,
  host: true,
  port: true,
  maxChannels: true,
  maxCallsPerMinute: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TrunkSelect;

type TrunkRow = Prisma.TrunkGetPayload<{ select: typeof trunkSelect }>;

export function toTrunkView(row: TrunkRow) {
  const { sipPasswordSealed, ...rest } = row;
  return { ...rest, sipUsername: rest.sipUsername ?? "", hasPassword: Boolean(sipPasswordSealed) };
}
export type TrunkView = ReturnType<typeof toTrunkView>;

/** Audit details: the settings that changed hands, never the password itself. */
export function trunkAuditDetails(view: TrunkView, passwordChanged: boolean): Prisma.InputJsonObject {
  return {
    name: view.name,
    active: view.active,
    driver: view.driver,
    ipAuth: view.ipAuth,
    sipUsername: view.sipUsername,
    host: view.host,
    port: view.port,
    maxChannels: view.maxChannels,
    maxCallsPerMinute: view.maxCallsPerMinute,
    passwordChanged,
  };
}
