/** zod schemas for the ESL replies and events the FreeSWITCH driver acts on. */
import { z } from "zod";

const headers = z.record(z.string(), z.string());

export const commandReplySchema = z.object({
  "Content-Type": z.literal("command/reply"),
  "Reply-Text": z.string(),
  "Job-UUID": z.string().optional(),
});

const channelEvent = {
  "Unique-ID": z.string().min(1),
};

export const backgroundJobSchema = z.object({
  "Event-Name": z.literal("BACKGROUND_JOB"),
  "Job-UUID": z.string().min(1),
});

export const progressEventSchema = z.object({
  "Event-Name": z.enum(["CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_ANSWER"]),
  ...channelEvent,
});

export const hangupEventSchema = z.object({
  "Event-Name": z.literal("CHANNEL_HANGUP_COMPLETE"),
  ...channelEvent,
  "Hangup-Cause": z.string().min(1),
  variable_billmsec: z.coerce.number().optional(),
  variable_duration: z.coerce.number().optional(),
});

const int = z.coerce.number().int();

/**
 * mod_spandsp's events (CUSTOM, subclass spandsp::txfax…): negotiation done (the far end is a fax
 * machine), each page, and the final result.
 */
export const faxResultEventSchema = z.object({
  "Event-Name": z.literal("CUSTOM"),
  "Event-Subclass": z.enum(["spandsp::txfaxnegociateresult", "spandsp::txfaxresult", "spandsp::txfaxpageresult"]),
  ...channelEvent,
  "fax-success": z.enum(["0", "1"]).optional(),
  "fax-result-code": int.optional(),
  "fax-result-text": z.string().optional(),
  "fax-document-transferred-pages": int.optional(),
  "fax-document-total-pages": int.optional(),
  "fax-transfer-rate": int.optional(),
  "fax-ecm-used": z.enum(["on", "off"]).optional(),
  "fax-remote-station-id": z.string().optional(),
  "fax-image-resolution": z.string().optional(),
});

export type FaxResultEvent = z.infer<typeof faxResultEventSchema>;
export type HangupEvent = z.infer<typeof hangupEventSchema>;
export type EslHeaders = z.infer<typeof headers>;
