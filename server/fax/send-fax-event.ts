/** The event that starts one send-fax run: one per outbound fax job (one destination). */
import { z } from "zod";

export const SEND_FAX_EVENT = "fax/send.requested";

export const sendFaxEventSchema = z.object({ faxJobId: z.uuid() });
export type SendFaxEventData = z.infer<typeof sendFaxEventSchema>;

export function sendFaxEvent(faxJobId: string) {
  return { name: SEND_FAX_EVENT, data: { faxJobId } satisfies SendFaxEventData };
}
