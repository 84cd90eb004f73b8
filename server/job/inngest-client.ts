/**
 * The Inngest client. With an Inngest server configured (INNGEST_SIGNING_KEY / INNGEST_EVENT_KEY,
 * or INNGEST_DEV=1) the functions in inngest/functions are served to it at /api/inngest; otherwise
 * the embedded runner (inngest/runner) runs them and receives the events this client sends.
 * It lives in server/ because sendEvent forwards events through it, and server/ never imports inngest/.
 */
import { Inngest } from "inngest";
import { embeddedClientOptions } from "./event-route";

export const inngest = new Inngest({ id: "faxport", ...embeddedClientOptions });
