/**
 * The Inngest client's "send events" request as it goes over the wire (POST …/e/<event key>, a JSON
 * array of events) and the answer it expects. The app's client (inngest-client.ts) routes its sends
 * through event-route.ts, which reads them with this. The job runner's SDK adapter
 * (inngest/runner/sdk-adapter.ts) re-exports it, so its contract test pins this format to the SDK.
 */

/** An event as the client puts it in its send request (id and ts only when the caller gave them). */
export interface SentEvent {
  id?: unknown;
  name?: unknown;
  data?: unknown;
  ts?: unknown;
}

/** The events of the client's "send events" request (POST …/e/<event key>), or null for any other request. */
export function readSentEvents(url: string, init?: RequestInit): SentEvent[] | null {
  if (init?.method !== "POST" || !/\/e\/[^/]+$/.test(new URL(url).pathname)) return null;
  const body = JSON.parse(String(init.body ?? "[]")) as unknown;
  return Array.isArray(body) ? (body as SentEvent[]) : [];
}

/** The answer the client expects to its send request. */
export function sentEventsResponse(ids: string[]): Response {
  return Response.json({ ids, status: 200 });
}
