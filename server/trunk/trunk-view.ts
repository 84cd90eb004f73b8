/**
 * What a trunk looks like outside the server: everything but the sealed password, which is
 * replaced by `hasPassword`. Every trunk output goes through here so the secret cannot leak.
 */

import type { Prisma } from "@prisma/client";
import type { TrunkCreateInput } from "@/lib/schemas/trunk";

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

/** The columns a create or update writes; the sealed password is decided by the caller. */
export function trunkColumns(
  input: Pick<
    TrunkCreateInput,
    | "name"
    | "active"
    | "gatewayType"
    | "driver"
    | "ipAuth"
    | "sipUsername"
    | "host"
    | "port"
    | "maxChannels"
    | "maxCallsPerMinute"
  >,
  sipPasswordSealed: string | null,
) {
  return {
    name: input.name,
    active: input.active,
    gatewayType: input.gatewayType,
    driver: input.driver,
    ipAuth: input.ipAuth,
    sipUsername: input.ipAuth ? null : input.sipUsername,
    sipPasswordSealed,
    host: input.host,
    port: input.port,
    maxChannels: input.maxChannels,
    maxCallsPerMinute: input.maxCallsPerMinute,
  };
}

export const duplicateTrunkName = (name: string) => `A trunk named "${name}" already exists. Choose another name.`;
