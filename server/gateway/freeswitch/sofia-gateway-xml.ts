/**
 * A trunk as a FreeSWITCH sofia gateway (conf/sip_profiles/external/<name>.xml): registration with
 * username/password, or IP authentication (`register=false`, the provider trusts our address).
 */
import type { GatewayTrunk } from "../types";
import { sofiaGatewayName } from "./originate-command";

function xmlAttr(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&apos;");
}

export function sofiaGatewayXml(trunk: GatewayTrunk): string {
  const proxy = trunk.host.includes(":") ? `[${trunk.host}]:${trunk.port}` : `${trunk.host}:${trunk.port}`;
  const params: Array<[string, string]> = [["proxy", proxy]];
  if (trunk.ipAuth) {
    // sofia insists on a username even when nothing registers.
    params.push(["register", "false"], ["username", "faxport"], ["password", "unused"]);
  } else {
    if (!trunk.sipUsername || !trunk.sipPassword) {
      throw new Error(`Trunk "${trunk.name}" registers, so it needs a SIP username and password`);
    }
    params.push(
      ["register", "true"],
      ["realm", trunk.host],
      ["username", trunk.sipUsername],
      ["password", trunk.sipPassword],
      ["expire-seconds", "600"],
      ["retry-seconds", "30"],
    );
  }
  params.push(["caller-id-in-from", "true"]);
  const lines = params.map(([name, value]) => `    <param name="${name}" value="${xmlAttr(value)}"/>`);
  return [
    "<include>",
    `  <!-- ${xmlAttr(trunk.name).replace(/--/g, "- -")} (managed by Faxport) -->`,
    `  <gateway name="${sofiaGatewayName(trunk)}">`,
    ...lines,
    "  </gateway>",
    "</include>",
    "",
  ].join("\n");
}
