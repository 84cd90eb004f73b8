/**
 * The Inngest client. With an Inngest server configured (INNGEST_SIGNING_KEY / INNGEST_EVENT_KEY,
 * or INNGEST_DEV=1) the functions in inngest/functions are served to it at /api/inngest; otherwise
 * the embedded runner (inngest/runner) runs them and receives the events this client sends.
 */
import { Inngest } from "inngest";
import { embeddedClientOptions } from "./runner/event-route";

export const inngest = new Inngest({ id: "faxport", ...embeddedClientOptions });
