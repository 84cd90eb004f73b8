/**
 * A stand-in FreeSWITCH event socket on 127.0.0.1 (ephemeral port) that speaks the documented
 * protocol: auth/request → auth, `event plain …` subscriptions, `api` and `bgapi` with
 * BACKGROUND_JOB results, channel events and mod_spandsp's txfax events for originated calls.
 * Dialled numbers behave by their last four digits (see `script`). Frames are written in two
 * pieces to exercise the client's reassembly.
 *
 * Given a `gatewayDir`, it keeps sofia gateways as FreeSWITCH does: `sofia profile … rescan` loads
 * each `<gateway name="…">` found in that directory, `killgw <name>` unloads one, and an originate
 * over a gateway that is not loaded fails with INVALID_GATEWAY.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { renderPlainEvent } from "@/server/gateway/freeswitch/esl-frames";

export type Originate = { vars: Record<string, string>; gateway: string; number: string; file: string };

export class FakeFreeswitch {
  readonly commands: string[] = [];
  readonly originates: Originate[] = [];
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private ringing = new Map<string, { socket: Socket; subscribed: Set<string>; jobUuid: string }>();
  /** Loaded sofia gateways: name → the XML it was loaded from (with `gatewayDir`). */
  readonly gateways = new Map<string, string>();
  port = 0;

  constructor(
    private readonly password = "ClueCon",
    private readonly gatewayDir: string | null = null,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (address && typeof address === "object") this.port = address.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Drops every client connection, as a FreeSWITCH restart would. */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => undefined);
    const subscribed = new Set<string>();
    let authed = false;
    let buffer = "";
    write(socket, "Content-Type: auth/request\n\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const [line = "", ...headerLines] = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const headers = Object.fromEntries(headerLines.map((h) => h.split(/:\s*/, 2) as [string, string]));
        this.commands.push(line);
        if (!authed) {
          authed = line === `auth ${this.password}`;
          reply(socket, authed ? "+OK accepted" : "-ERR invalid");
          if (!authed) socket.end();
          continue;
        }
        if (line.startsWith("event plain ")) {
          for (const name of line.slice(12).split(" ")) subscribed.add(name);
          reply(socket, "+OK event listener enabled plain");
        } else if (line.startsWith("api ")) {
          write(socket, apiResponse(this.api(line.slice(4))));
        } else if (line.startsWith("bgapi ")) {
          const jobUuid = headers["Job-UUID"] ?? crypto.randomUUID();
          reply(socket, `+OK Job-UUID: ${jobUuid}`, { "Job-UUID": jobUuid });
          this.bgapi(socket, subscribed, line.slice(6), jobUuid);
        } else {
          reply(socket, "-ERR command not found");
        }
      }
    });
  }

  private api(command: string): string {
    const kill = command.match(/^uuid_kill (\S+)(?: (\S+))?/);
    if (kill) {
      const call = this.ringing.get(kill[1]!);
      if (!call) return "-ERR No such channel!\n";
      this.ringing.delete(kill[1]!);
      const cause = kill[2] ?? "NORMAL_CLEARING";
      const hangup = { "Event-Name": "CHANNEL_HANGUP_COMPLETE", "Unique-ID": kill[1]!, "Hangup-Cause": cause };
      sendEvent(call.socket, call.subscribed, hangup);
      sendEvent(
        call.socket,
        call.subscribed,
        { "Event-Name": "BACKGROUND_JOB", "Job-UUID": call.jobUuid },
        `-ERR ${cause}\n`,
      );
      return "+OK\n";
    }
    const killgw = command.match(/^sofia profile \S+ killgw (\S+)/);
    if (killgw) {
      if (!this.gatewayDir) return "+OK\n";
      return this.gateways.delete(killgw[1]!) ? "+OK gateway marked for deletion.\n" : "-ERR no such gateway.\n";
    }
    if (/^sofia profile \S+ rescan/.test(command)) {
      if (this.gatewayDir) this.rescan(this.gatewayDir);
      return "+OK scan complete\n";
    }
    return "-ERR unknown command\n";
  }

  /** Loads gateways found in the directory that are not loaded yet (as sofia's rescan does). */
  private rescan(dir: string): void {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".xml"))) {
      const xml = readFileSync(path.join(dir, file), "utf8");
      const name = xml.match(/<gateway name="([^"]+)">/)?.[1];
      if (name && !this.gateways.has(name)) this.gateways.set(name, xml);
    }
  }

  private bgapi(socket: Socket, subscribed: Set<string>, command: string, jobUuid: string): void {
    const m = command.match(/^originate \{([^}]*)\}sofia\/gateway\/([^/]+)\/(\S+) &txfax\(([^)]+)\)$/);
    if (!m) {
      sendEvent(socket, subscribed, { "Event-Name": "BACKGROUND_JOB", "Job-UUID": jobUuid }, "-ERR INVALID_COMMAND\n");
      return;
    }
    const vars = Object.fromEntries(m[1]!.split(",").map((kv) => kv.split("=", 2) as [string, string]));
    const originate = { vars, gateway: m[2]!, number: m[3]!, file: m[4]! };
    this.originates.push(originate);
    if (this.gatewayDir && !this.gateways.has(originate.gateway)) {
      sendEvent(socket, subscribed, { "Event-Name": "BACKGROUND_JOB", "Job-UUID": jobUuid }, "-ERR INVALID_GATEWAY\n");
      return;
    }
    void this.script(socket, subscribed, originate, jobUuid);
  }

  /**
   *   …0123  fax machine: 3 pages at 14,400 bit/s, station ID "REMOTE FAX"
   *   …0486  busy             …0480  rings, no answer
   *   …0388  refuses T.38 (INCOMPATIBLE_DESTINATION), takes G.711 audio
   *   …0555  rings until the call is killed (uuid_kill)
   *   …0601  answers, no fax tones: txfax gives up with T.30 code 2
   */
  private async script(socket: Socket, subscribed: Set<string>, o: Originate, jobUuid: string): Promise<void> {
    const uuid = o.vars.origination_uuid!;
    const channel = (name: string, extra: Record<string, string> = {}) =>
      sendEvent(socket, subscribed, { "Event-Name": name, "Unique-ID": uuid, ...extra });
    const job = (body: string) =>
      sendEvent(socket, subscribed, { "Event-Name": "BACKGROUND_JOB", "Job-UUID": jobUuid }, `${body}\n`);
    const spandsp = (subclass: string, extra: Record<string, string>) =>
      sendEvent(socket, subscribed, {
        "Event-Name": "CUSTOM",
        "Event-Subclass": subclass,
        "Unique-ID": uuid,
        ...extra,
      });
    const hangup = (cause: string) => channel("CHANNEL_HANGUP_COMPLETE", { "Hangup-Cause": cause });
    const t38 = o.vars.fax_enable_t38 === "true";
    const suffix = o.number.slice(-4);
    await tick();
    if (suffix === "0486") {
      hangup("USER_BUSY");
      job("-ERR USER_BUSY");
      return;
    }
    channel("CHANNEL_PROGRESS");
    await tick();
    if (suffix === "0480") {
      hangup("NO_ANSWER");
      job("-ERR NO_ANSWER");
      return;
    }
    if (suffix === "0555") {
      this.ringing.set(uuid, { socket, subscribed, jobUuid });
      return;
    }
    channel("CHANNEL_ANSWER");
    job(`+OK ${uuid}`);
    await tick();
    if (suffix === "0388" && t38) {
      hangup("INCOMPATIBLE_DESTINATION");
      return;
    }
    if (suffix === "0601") {
      spandsp("spandsp::txfaxresult", {
        "fax-success": "0",
        "fax-result-code": "2",
        "fax-result-text": "Timed out waiting for initial communication",
        "fax-document-transferred-pages": "0",
        "fax-document-total-pages": "3",
      });
      hangup("NORMAL_CLEARING");
      return;
    }
    const common = { "fax-document-total-pages": "3", "fax-transfer-rate": "14400", "fax-ecm-used": "on" };
    // A fax machine answered: mod_spandsp reports the negotiation before the first page.
    spandsp("spandsp::txfaxnegociateresult", common);
    await tick();
    for (const page of [1, 2, 3]) {
      spandsp("spandsp::txfaxpageresult", { ...common, "fax-document-transferred-pages": String(page) });
      await tick();
    }
    spandsp("spandsp::txfaxresult", {
      ...common,
      "fax-success": "1",
      "fax-result-code": "0",
      "fax-result-text": "OK",
      "fax-document-transferred-pages": "3",
      "fax-remote-station-id": "REMOTE FAX",
      "fax-image-resolution": "204x196",
    });
    hangup("NORMAL_CLEARING");
  }
}

const tick = () => new Promise((r) => setTimeout(r, 3));

/** Writes a frame in two pieces, so the client must reassemble it. */
function write(socket: Socket, frame: string): void {
  if (socket.destroyed) return;
  const bytes = Buffer.from(frame);
  const cut = Math.max(1, Math.floor(bytes.length / 3));
  socket.write(bytes.subarray(0, cut));
  socket.write(bytes.subarray(cut));
}

function reply(socket: Socket, text: string, extra: Record<string, string> = {}): void {
  const headers = Object.entries(extra).map(([k, v]) => `${k}: ${v}\n`);
  write(socket, `Content-Type: command/reply\nReply-Text: ${text}\n${headers.join("")}\n`);
}

function apiResponse(body: string): string {
  return `Content-Type: api/response\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`;
}

function sendEvent(socket: Socket, subscribed: Set<string>, headers: Record<string, string>, body = ""): void {
  const name = headers["Event-Name"]!;
  const wanted =
    name === "CUSTOM" ? subscribed.has("CUSTOM") && subscribed.has(headers["Event-Subclass"]!) : subscribed.has(name);
  if (wanted) write(socket, renderPlainEvent({ "Core-UUID": "fake-core", ...headers }, body));
}
