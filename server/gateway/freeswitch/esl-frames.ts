/**
 * FreeSWITCH event socket framing: a message is a block of `Name: value` header lines ended by a
 * blank line, followed by `Content-Length` bytes of body when that header is present. Plain events
 * carry another header block (URL-encoded values) in the body, optionally with its own body.
 */

export type EslFrame = { headers: Record<string, string>; body: string };

/** Parses `Name: value` lines; `decode` URL-decodes values (event-plain bodies). */
export function parseHeaderBlock(block: string, decode: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const raw = line.slice(colon + 1).trim();
    headers[name] = decode ? safeDecode(raw) : raw;
  }
  return headers;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, "%20"));
  } catch {
    return value;
  }
}

/** Splits a plain event body into its headers and its own body (e.g. a BACKGROUND_JOB result). */
export function parsePlainEvent(body: string): EslFrame {
  const end = body.indexOf("\n\n");
  const headerText = end < 0 ? body : body.slice(0, end);
  const headers = parseHeaderBlock(headerText, true);
  const length = Number(headers["Content-Length"] ?? 0);
  const rest = end < 0 ? "" : body.slice(end + 2);
  return { headers, body: length > 0 ? Buffer.from(rest).subarray(0, length).toString() : "" };
}

/** Incremental reader: feed socket data, get complete frames. Works on bytes (Content-Length is bytes). */
export class EslFrameReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): EslFrame[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: EslFrame[] = [];
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end < 0) break;
      const headers = parseHeaderBlock(this.buffer.subarray(0, end).toString(), false);
      const length = Number(headers["Content-Length"] ?? 0);
      if (this.buffer.length < end + 2 + length) break;
      const body = this.buffer.subarray(end + 2, end + 2 + length).toString();
      this.buffer = this.buffer.subarray(end + 2 + length);
      frames.push({ headers, body });
    }
    return frames;
  }
}

/** Renders a plain event the way FreeSWITCH sends it (used by tests' fake peer and kept beside the parser). */
export function renderPlainEvent(headers: Record<string, string>, body = ""): string {
  const lines = Object.entries({ ...headers, ...(body ? { "Content-Length": String(Buffer.byteLength(body)) } : {}) })
    .map(([k, v]) => `${k}: ${encodeURIComponent(v)}`)
    .join("\n");
  const event = `${lines}\n\n${body}`;
  return `Content-Length: ${Buffer.byteLength(event)}\nContent-Type: text/event-plain\n\n${event}`;
}
