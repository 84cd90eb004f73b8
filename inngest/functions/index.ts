/** Every Inngest function, registered by hand (served at /api/inngest). */
import { convertDocumentFunction } from "./convert-document";
import { destroyGatewayKeysFunction } from "./destroy-gateway-keys";
import { pruneAuthRecordsFunction } from "./prune-auth-records";
import { sendFaxFunction } from "./send-fax";

export const functions = [
  pruneAuthRecordsFunction,
  sendFaxFunction,
  convertDocumentFunction,
  destroyGatewayKeysFunction,
];
