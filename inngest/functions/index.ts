/** Every Inngest function, registered by hand (served at /api/inngest). */
import { convertDocumentFunction } from "./convert-document";
import { convertDocumentCancelledFunction } from "./convert-document-cancelled";
import { destroyGatewayKeysFunction } from "./destroy-gateway-keys";
import { pruneAuthRecordsFunction } from "./prune-auth-records";
import { sendFaxFunction } from "./send-fax";
import { sendFaxCancelledFunction } from "./send-fax-cancelled";

export const functions = [
  pruneAuthRecordsFunction,
  sendFaxFunction,
  sendFaxCancelledFunction,
  convertDocumentFunction,
  convertDocumentCancelledFunction,
  destroyGatewayKeysFunction,
];
