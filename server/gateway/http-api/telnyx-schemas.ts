/** zod schemas for the Telnyx-style fax API v2: the create response and status webhooks. */
import { z } from "zod";

export const createFaxResponseSchema = z.object({
  data: z.object({ id: z.string().min(1), status: z.string().optional() }),
});

export const apiErrorSchema = z.object({
  errors: z
    .array(
      z.object({
        code: z.string().optional(),
        title: z.string().optional(),
        detail: z.string().optional(),
        source: z.object({ pointer: z.string().optional() }).optional(),
      }),
    )
    .min(1),
});

export const FAX_WEBHOOK_EVENTS = [
  "fax.queued",
  "fax.media.processed",
  "fax.sending.started",
  "fax.delivered",
  "fax.failed",
] as const;

export type FaxWebhookEvent = (typeof FAX_WEBHOOK_EVENTS)[number];

export const faxWebhookSchema = z.object({
  data: z.object({
    event_type: z.string(),
    id: z.string().min(1),
    occurred_at: z.string().optional(),
    record_type: z.literal("event").optional(),
    payload: z.object({
      fax_id: z.string().min(1),
      status: z.string().optional(),
      direction: z.enum(["outbound", "inbound"]).optional(),
      to: z.string().optional(),
      from: z.string().optional(),
      page_count: z.number().int().min(0).optional(),
      call_duration_secs: z.number().min(0).optional(),
      failure_reason: z.string().optional(),
      client_state: z.string().optional(),
    }),
  }),
  meta: z.object({ attempt: z.number().int().optional(), delivered_to: z.string().optional() }).optional(),
});

export type FaxWebhook = z.infer<typeof faxWebhookSchema>;

/** Where each event sits in a fax's life; later events win, earlier ones arriving late are ignored. */
export const EVENT_RANK: Record<FaxWebhookEvent, number> = {
  "fax.queued": 0,
  "fax.media.processed": 1,
  "fax.sending.started": 2,
  "fax.delivered": 3,
  "fax.failed": 3,
};
