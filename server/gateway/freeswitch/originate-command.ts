/** Builds the `originate` that dials a fax over a trunk's sofia gateway and runs txfax on answer. */

import { posixTimeZone } from "../posix-time-zone";
import type { FaxResolution, GatewayTrunk } from "../types";

export type OriginateInput = {
  trunk: GatewayTrunk;
  callUuid: string;
  to: string;
  callerId: string | null;
  stationId: string;
  headerInfo: string;
  /** IANA zone of the header line's date and time (mod_spandsp's fax_timezone takes a POSIX TZ). */
  headerTimeZone?: string;
  resolution: FaxResolution;
  tiffPath: string;
  t38: boolean;
  ringTimeoutSeconds: number;
};

/** Sofia gateway name for a trunk: stable across renames, safe in dial strings and file names. */
export function sofiaGatewayName(trunk: Pick<GatewayTrunk, "id">): string {
  return `faxport-${trunk.id.toLowerCase().replace(/[^a-z0-9-]/g, "")}`;
}

/** Channel variable values end at `,` or `}` and quoting differs across versions: drop such characters. */
function variableValue(value: string): string {
  return value
    .replace(/[\r\n,{}'"^]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function originateCommand(input: OriginateInput): string {
  const number = input.to.replace(/[^\d+]/g, "");
  if (!/^\+?\d{3,20}$/.test(number)) throw new Error(`Cannot dial "${input.to}"`);
  if (/[\s{}]/.test(input.tiffPath)) throw new Error("The fax file path must not contain spaces or braces");
  const vars: Record<string, string> = {
    origination_uuid: input.callUuid,
    ignore_early_media: "true",
    originate_timeout: String(input.ringTimeoutSeconds),
    fax_enable_t38: String(input.t38),
    fax_enable_t38_request: String(input.t38),
    fax_use_ecm: "true",
    fax_verbose: "false",
    fax_ident: variableValue(input.stationId.slice(0, 20)),
    fax_header: variableValue(input.headerInfo.slice(0, 50)),
    ...(input.headerTimeZone ? { fax_timezone: variableValue(posixTimeZone(input.headerTimeZone)) } : {}),
    ...(input.callerId
      ? { origination_caller_id_number: input.callerId, origination_caller_id_name: input.callerId }
      : {}),
  };
  const list = Object.entries(vars)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  return `originate {${list}}sofia/gateway/${sofiaGatewayName(input.trunk)}/${number} &txfax(${input.tiffPath})`;
}
