/** Every five minutes: destroy the gateway keys no unfinished job needs (server/gateway/destroy-retired-gateway-keys.ts). */
import { sendFaxRuntime } from "@/server/fax/send-fax-runtime";
import { destroyRetiredGatewayKeys } from "@/server/gateway/destroy-retired-gateway-keys";
import { inngest } from "@/server/job/inngest-client";

export const destroyGatewayKeysFunction = inngest.createFunction(
  { id: "destroy-gateway-keys", triggers: { cron: "TZ=UTC */5 * * * *" } },
  async ({ step }) =>
    step.run("destroy retired gateway keys", () => destroyRetiredGatewayKeys({ ring: sendFaxRuntime().gatewayKeys })),
);
