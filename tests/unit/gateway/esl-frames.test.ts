import { describe, expect, it } from "vitest";
import { EslFrameReader, parsePlainEvent, renderPlainEvent } from "@/server/gateway/freeswitch/esl-frames";
import { originateCommand } from "@/server/gateway/freeswitch/originate-command";
import { testTrunk } from "./support/trunks";

describe("ESL framing", () => {
  it("reassembles frames split anywhere, counting Content-Length in bytes", () => {
    const body = "+OK café\n";
    const wire = Buffer.from(
      `Content-Type: auth/request\n\nContent-Type: api/response\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}`,
    );
    const reader = new EslFrameReader();
    const frames = [...wire].flatMap((byte) => reader.push(Buffer.from([byte])));
    expect(frames.map((f) => f.headers["Content-Type"])).toEqual(["auth/request", "api/response"]);
    expect(frames[1]?.body).toBe(body);
  });

  it("decodes plain event headers and the event's own body", () => {
    const wire = Buffer.from(
      renderPlainEvent(
        { "Event-Name": "BACKGROUND_JOB", "Job-UUID": "j1", "Job-Command-Arg": "a b,c" },
        "-ERR USER_BUSY\n",
      ),
    );
    const [frame] = new EslFrameReader().push(wire);
    const event = parsePlainEvent(frame!.body);
    expect(event.headers["Job-Command-Arg"]).toBe("a b,c");
    expect(event.body).toBe("-ERR USER_BUSY\n");
  });
});

describe("originate command", () => {
  const base = {
    trunk: testTrunk(),
    callUuid: "u1",
    to: "+1 (212) 555-0123",
    callerId: "+12125550100",
    stationId: "Acme, Inc {fax}",
    headerInfo: "",
    resolution: "FINE" as const,
    tiffPath: "/spool/a.tif",
    t38: true,
    ringTimeoutSeconds: 55,
  };

  it("dials the cleaned number over the trunk's gateway, dropping characters that end a variable", () => {
    const cmd = originateCommand(base);
    expect(cmd).toMatch(/\}sofia\/gateway\/faxport-[0-9a-f-]+\/\+12125550123 &txfax\(\/spool\/a\.tif\)$/);
    expect(cmd).toContain("fax_ident=Acme Inc fax,");
  });

  it("refuses what would break the dial string", () => {
    expect(() => originateCommand({ ...base, to: "call me" })).toThrow(/Cannot dial/);
    expect(() => originateCommand({ ...base, tiffPath: "/spool/a b.tif" })).toThrow(/spaces/);
  });
});
