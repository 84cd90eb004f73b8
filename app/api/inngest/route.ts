/**
 * Serves the Inngest functions to an Inngest server when one is configured. Without a signing key
 * (the embedded default) it says so plainly instead of failing: jobs then run in-process.
 */
import { serve } from "inngest/next";
import { functions } from "@/inngest/functions";
import { inngestServerConfigured } from "@/server/job/event-route";
import { inngest } from "@/server/job/inngest-client";

const configured = inngestServerConfigured();

function notConfigured() {
  return Response.json(
    { message: "Inngest is not configured (set INNGEST_SIGNING_KEY); jobs run inside the Faxport server." },
    { status: 503 },
  );
}

const handlers = configured ? serve({ client: inngest, functions }) : null;

export const GET = handlers?.GET ?? notConfigured;
export const POST = handlers?.POST ?? notConfigured;
export const PUT = handlers?.PUT ?? notConfigured;
