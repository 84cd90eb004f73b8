/**
 * A client connection to FreeSWITCH's event socket (inbound mode): authenticates, sends commands one
 * at a time (replies come back in order), and hands every event to the listener.
 */
import { EventEmitter } from "node:events";
import { connect, type Socket } from "node:net";
import { commandReplySchema } from "./esl-events";
import { type EslFrame, EslFrameReader, parsePlainEvent } from "./esl-frames";

export type EslSettings = { host: string; port: number; password: string; connectTimeoutMs?: number };

type Pending = { resolve: (frame: EslFrame) => void; reject: (error: Error) => void };

export class EslConnection extends EventEmitter<{ event: [Record<string, string>, string]; close: [Error] }> {
  private readonly socket: Socket;
  private readonly reader = new EslFrameReader();
  private readonly pending: Pending[] = [];
  private closed: Error | null = null;

  private constructor(socket: Socket) {
    super();
    this.socket = socket;
  }

  static async open(settings: EslSettings, events: string[]): Promise<EslConnection> {
    const socket = connect({ host: settings.host, port: settings.port });
    socket.setNoDelay(true);
    const conn = new EslConnection(socket);
    const authRequest = new Promise<EslFrame>((resolve, reject) => conn.pending.push({ resolve, reject }));
    const timeout = setTimeout(
      () => socket.destroy(new Error("FreeSWITCH did not answer on its event socket in time")),
      settings.connectTimeoutMs ?? 5_000,
    );
    socket.on("data", (chunk) => conn.onData(chunk));
    socket.on("error", (error) => conn.fail(new Error(`FreeSWITCH event socket: ${error.message}`)));
    socket.on("close", () => conn.fail(new Error("FreeSWITCH closed the event socket")));
    try {
      const hello = await authRequest;
      if (hello.headers["Content-Type"] !== "auth/request") throw new Error("FreeSWITCH did not ask to authenticate");
      const auth = await conn.command(`auth ${settings.password}`);
      if (!auth.startsWith("+OK")) throw new Error("FreeSWITCH refused the event socket password");
      const subscribed = await conn.command(`event plain ${events.join(" ")}`);
      if (!subscribed.startsWith("+OK")) throw new Error(`FreeSWITCH refused the event subscription: ${subscribed}`);
      return conn;
    } catch (error) {
      socket.destroy();
      throw error;
    } finally {
      clearTimeout(timeout);
    }
  }

  /** Sends a command and returns its Reply-Text. */
  async command(line: string, extraHeaders: Record<string, string> = {}): Promise<string> {
    const frame = await this.send(line, extraHeaders);
    const reply = commandReplySchema.safeParse(frame.headers);
    if (!reply.success) throw new Error(`Unexpected reply from FreeSWITCH to "${line.split(" ")[0]}"`);
    return reply.data["Reply-Text"];
  }

  /** `api` command: returns the response body. */
  async api(line: string): Promise<string> {
    const frame = await this.send(`api ${line}`, {});
    if (frame.headers["Content-Type"] !== "api/response") throw new Error("Unexpected reply from FreeSWITCH to api");
    return frame.body;
  }

  /** `bgapi` with our own Job-UUID, so its BACKGROUND_JOB can be matched even if it races the reply. */
  async bgapi(line: string, jobUuid: string): Promise<void> {
    const reply = await this.command(`bgapi ${line}`, { "Job-UUID": jobUuid });
    if (!reply.startsWith("+OK")) throw new Error(`FreeSWITCH refused the command: ${reply}`);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  get isOpen(): boolean {
    return this.closed === null;
  }

  private send(line: string, extraHeaders: Record<string, string>): Promise<EslFrame> {
    if (this.closed) return Promise.reject(this.closed);
    if (/[\r\n]/.test(line)) return Promise.reject(new Error("An ESL command must be one line"));
    const headers = Object.entries(extraHeaders).map(([k, v]) => `${k}: ${v}\n`);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(`${line}\n${headers.join("")}\n`);
    });
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.reader.push(chunk)) {
      const type = frame.headers["Content-Type"];
      if (type === "text/event-plain") {
        const event = parsePlainEvent(frame.body);
        this.emit("event", event.headers, event.body);
      } else if (type === "text/disconnect-notice") {
        this.fail(new Error("FreeSWITCH is disconnecting the event socket"));
      } else {
        this.pending.shift()?.resolve(frame);
      }
    }
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.closed = error;
    for (const p of this.pending.splice(0)) p.reject(error);
    this.emit("close", error);
  }
}
