/**
 * The Inngest client. In production the functions in inngest/functions are served at
 * /api/inngest to an Inngest server (cloud or self-hosted; INNGEST_SIGNING_KEY / INNGEST_EVENT_KEY).
 */
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "faxport" });
