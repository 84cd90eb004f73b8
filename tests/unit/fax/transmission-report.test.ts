/**
 * The transmission report PDF as the browser makes it, read back with poppler and qpdf (installed
 * with the converter's packages): valid structure, the facts as real text, the reduced first page as
 * one grey image of the size given — or a note instead when there is no page to show.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { transmissionReport, transmissionReportFileName } from "@/lib/fax/transmission-report";
import { transmissionReportPdf } from "@/lib/fax/transmission-report-pdf";

const dir = mkdtempSync(path.join(tmpdir(), "faxport-report-"));

const fax = {
  id: "0b6f3a52-8a7e-4c55-9d0f-6f2f8d3c1a11",
  title: "Referral (Dr. Müller) \\ urgent",
  toNumber: "+13125550123",
  callerId: "+12125550100",
  statusLabel: "Failed",
  status: "FAILED",
  pages: 3,
  attemptsMade: 2,
  maxAttempts: 2,
  submittedAt: "2026-11-24T09:00:00Z",
  completedAt: "2026-11-24T09:07:30Z",
  failure: { label: "Busy", explanation: "The line was busy on every attempt." },
  user: { username: "bob", firstName: "Bob", lastName: "Clerk" },
  tenant: { name: "Acme Health" },
  attempts: [
    {
      startedAt: "2026-11-24T09:06:10Z",
      endedAt: "2026-11-24T09:07:30Z",
      pagesSent: 1,
      totalPages: 3,
      durationMs: 61_400,
      bitRate: 14_400,
      remoteStationId: "ACME FAX 01",
      outcome: { label: "Busy", explanation: "The line was busy." },
    },
  ],
};

function page(width: number, height: number) {
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 20; y < 60; y++) pixels.fill(0, y * width + 20, y * width + width - 20); // a black bar
  return { width, height, pixels };
}

async function written(name: string, report: Parameters<typeof transmissionReportPdf>[0]) {
  const file = path.join(dir, name);
  writeFileSync(file, await transmissionReportPdf(report));
  execFileSync("qpdf", ["--check", file]); // throws on a broken file
  return { file, text: execFileSync("pdftotext", ["-layout", file, "-"]).toString() };
}

describe("transmission report PDF", () => {
  it("carries the facts as text and the reduced first page as one grey image", async () => {
    const report = transmissionReport(fax, { timeZone: "America/Chicago", locale: "en-US", firstPage: page(280, 362) });
    const { file, text } = await written("busy.pdf", report);
    for (const fact of [
      "Fax transmission report",
      "Bob Clerk (bob), Acme Health",
      "Destination                           +1 312 555 0123",
      "Caller ID                             +1 212 555 0100",
      "ACME FAX 01",
      "1 of 3",
      "61 s",
      "14400 bit/s",
      "2 of 2",
      "Result: Busy",
      "The line was busy on every attempt.",
      "Referral (Dr. Müller) \\ urgent",
      "CST",
      "First page as faxed (reduced)",
    ]) {
      expect(text).toContain(fact);
    }
    const images = execFileSync("pdfimages", ["-list", file]).toString().trim().split("\n").slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+280\s+362\s+gray\s+1\s+8/);
  });

  it("says why there is no first page, and names the file by date and number", async () => {
    const report = transmissionReport(
      { ...fax, status: "SENT", failure: null, statusLabel: "Delivered" },
      { timeZone: "UTC", firstPage: null, imageNote: "The first page is not shown: the document has been deleted." },
    );
    const { file, text } = await written("sent.pdf", report);
    expect(text).toContain("Result: Delivered");
    expect(text).toContain("The receiving fax machine confirmed every page.");
    expect(text).toContain("The first page is not shown: the document has been deleted.");
    expect(execFileSync("pdfimages", ["-list", file]).toString().trim().split("\n")).toHaveLength(2); // header only
    expect(transmissionReportFileName(fax)).toBe("fax-report-2026-11-24-13125550123.pdf");
  });
});
