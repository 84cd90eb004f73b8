import { execFile } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ConversionResult,
  type Converted,
  convertDocument,
  convertDocuments,
  DISCOURAGED_IMAGE_WARNING,
  withConversionDir,
} from "@/server/gateway/convert";
import { runTool } from "@/server/gateway/convert/run-tool";
import { type Fixtures, makeFixtures } from "./make-fixtures";

const run = promisify(execFile);
let fixtures: Fixtures;
let fixtureDir: string;

beforeAll(async () => {
  fixtureDir = path.join(tmpdir(), `faxport-convert-fixtures-${process.pid}`);
  fixtures = await makeFixtures(fixtureDir);
}, 120_000);

afterAll(async () => {
  await run("rm", ["-rf", fixtureDir]);
});

/** What tiffinfo says about every page of a TIFF. */
async function tiffPages(file: string) {
  const { stdout } = await run("tiffinfo", [file]);
  return stdout
    .split("TIFF Directory")
    .slice(1)
    .map((page) => ({
      width: Number(/Image Width: (\d+)/.exec(page)?.[1]),
      resolution: /Resolution: ([\d.]+, [\d.]+)/.exec(page)?.[1],
      g4: page.includes("CCITT Group 4"),
    }));
}

function converted(result: ConversionResult | undefined): Converted {
  if (!result || "invalid" in result) throw new Error(`expected a conversion, got ${JSON.stringify(result)}`);
  return result;
}

async function convertOne(name: string, declaredName = path.basename(fixtures[name]!), options = {}) {
  return withConversionDir((workDir) =>
    convertDocument({ inputPath: fixtures[name]!, declaredName }, { workDir, quality: "fine", ...options }),
  );
}

describe("document conversion", () => {
  it("turns every accepted type into a viewable PDF and a G4 fax TIFF 1728 px wide (one LibreOffice start)", async () => {
    const names = [
      "note.txt",
      "letter.rtf",
      "letter.docx",
      "invoices.xlsx",
      "minutes.odt",
      "slides.odp",
      "memo.doc",
      "sheet.xls",
      "slides.pptx",
      "slides.ppt",
      "report.pdf",
      "scan.tiff",
      "photo.png",
      "photo.jpg",
      "photo.gif",
    ];
    // A wrapper that records each LibreOffice start-up, then runs the real one. It runs in the sandbox,
    // where the job's directory (/job) is the only place it can write.
    const wrapper = path.join(fixtureDir, "soffice-counting.sh");
    await writeFile(wrapper, `#!/bin/sh\necho start >> /job/soffice-starts.log\nexec soffice "$@"\n`, { mode: 0o755 });
    await withConversionDir(async (workDir) => {
      const results = await convertDocuments(
        names.map((name) => ({ inputPath: fixtures[name]!, declaredName: name })),
        { workDir, quality: "fine", tools: { soffice: wrapper } },
      );
      const starts = path.join(workDir, "soffice-starts.log");
      expect((await readFile(starts, "utf8")).trim().split("\n")).toEqual(["start"]);
      for (const [i, name] of names.entries()) {
        const result = converted(results[i]);
        expect((await readFile(result.pdfPath)).subarray(0, 5).toString(), name).toBe("%PDF-");
        const pages = await tiffPages(result.tiffPath);
        expect(pages.length, name).toBe(result.pages);
        expect(result.pages, name).toBeGreaterThanOrEqual(1);
        for (const page of pages) expect(page, name).toEqual({ width: 1728, resolution: "204, 196", g4: true });
        const image = ["photo.png", "photo.jpg", "photo.gif"].includes(name);
        expect(result.warnings, name).toEqual(image ? [DISCOURAGED_IMAGE_WARNING] : []);
      }
      expect(converted(results[names.indexOf("report.pdf")]).pages).toBe(3);
      expect(converted(results[names.indexOf("scan.tiff")]).pages).toBe(3);
      expect(converted(results[names.indexOf("memo.doc")]).type).toBe("doc");
      expect(converted(results[names.indexOf("slides.ppt")]).type).toBe("ppt");
    });
  }, 120_000);

  it("renders standard and superfine at 98 and 392 lines per inch, still 1728 px wide", async () => {
    for (const [quality, resolution] of [
      ["standard", "204, 98"],
      ["superfine", "204, 392"],
    ] as const) {
      await withConversionDir(async (workDir) => {
        const result = converted(
          await convertDocument(
            { inputPath: fixtures["report.pdf"]!, declaredName: "report.pdf" },
            { workDir, quality },
          ),
        );
        const pages = await tiffPages(result.tiffPath);
        expect(pages).toHaveLength(3);
        expect(pages[0]).toEqual({ width: 1728, resolution, g4: true });
      });
    }
  });

  it("refuses a file whose name or MIME type claims another type", async () => {
    expect(await convertOne("report.pdf", "contract.docx")).toEqual({
      invalid: "The file is named “contract.docx” (Word document (DOCX)) but it is a PDF.",
    });
    expect(await convertOne("letter.docx", "letter.pdf")).toEqual({
      invalid: "The file is named “letter.pdf” (PDF) but it is a Word document (DOCX).",
    });
    expect(await convertOne("photo.png", "photo")).toEqual({
      invalid: "The file is a PNG image but is named “photo”; rename it to .png.",
    });
    const lyingMime = await withConversionDir((workDir) =>
      convertDocument(
        { inputPath: fixtures["photo.png"]!, declaredName: "photo.png", declaredType: "application/pdf" },
        { workDir, quality: "fine" },
      ),
    );
    expect(lyingMime).toEqual({ invalid: "The file was sent as “application/pdf” but it is a PNG image." });
  });

  it("refuses a password-protected PDF; a merely restricted one converts with a warning", async () => {
    expect(await convertOne("locked.pdf")).toEqual({
      invalid: "The PDF is password-protected; save an unprotected copy and upload that.",
    });
    const restricted = converted(await convertOne("restricted.pdf"));
    expect(restricted.pages).toBe(3);
    expect(restricted.warnings).toEqual(["The PDF carries usage restrictions; it was faxed as printed."]);
  });

  it("refuses a 2,000-page PDF by the page limit, quickly, before rendering anything", async () => {
    const started = performance.now();
    expect(await convertOne("pages-2000.pdf")).toEqual({ invalid: "The document has 2000 pages; the limit is 200." });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await convertOne("report.pdf", "report.pdf", { limits: { maxPages: 2 } })).toEqual({
      invalid: "The document has 3 pages; the limit is 2.",
    });
  });

  it("refuses a zip bomb from its directory, before LibreOffice opens it", async () => {
    const started = performance.now();
    expect(await convertOne("bomb.docx")).toEqual({
      invalid: "The document is compressed suspiciously far (a “zip bomb”); it was not opened.",
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await convertOne("letter.docx", "letter.docx", { limits: { maxUnzippedBytes: 100 } })).toMatchObject({
      invalid: expect.stringMatching(/^The document unpacks to .* \(the limit is 0\.0 MB\)\.$/),
    });
  });

  it("refuses empty, zero-page, too large, corrupt and unknown files with a reason", async () => {
    expect(await convertOne("empty.pdf")).toEqual({ invalid: "The file is empty." });
    expect(await convertOne("zero-pages.pdf")).toEqual({ invalid: "The document has no pages." });
    expect(await convertOne("report.pdf", "report.pdf", { limits: { maxBytes: 100 } })).toMatchObject({
      invalid: expect.stringMatching(/^The file is .* MB; the limit is 0\.0 MB\.$/),
    });
    expect(await convertOne("archive.zip", "archive.zip")).toEqual({
      invalid: "This is a zip archive, not a document; upload the document itself.",
    });
    expect(await convertOne("garbage.bin", "garbage.pdf")).toEqual({
      invalid: "This is not a document type we can fax (PDF, TIFF, Word, Excel, PowerPoint, RTF, text or images).",
    });

    expect(await convertOne("flood.png")).toEqual({
      invalid: "The image is 40000×40000 pixels; the limit is 100 megapixels.",
    });

    await withConversionDir(async (dir) => {
      const cutDocx = path.join(dir, "cut.docx");
      const docx = await readFile(fixtures["letter.docx"]!);
      await writeFile(cutDocx, docx.subarray(0, docx.length - 40));
      const cutPdf = path.join(dir, "cut.pdf");
      await writeFile(cutPdf, "%PDF-1.4\n1 0 obj << /Type /Catalog");
      const cutPng = path.join(dir, "cut.png");
      await writeFile(cutPng, (await readFile(fixtures["photo.png"]!)).subarray(0, 60));
      const results = await convertDocuments(
        [
          { inputPath: cutDocx, declaredName: "cut.docx" },
          { inputPath: cutPdf, declaredName: "cut.pdf" },
          { inputPath: cutPng, declaredName: "cut.png" },
        ],
        { workDir: dir, quality: "fine" },
      );
      expect(results).toEqual([
        { invalid: "The document cannot be opened: it is damaged (the zip directory is missing)." },
        { invalid: "The PDF is damaged and cannot be read." },
        { invalid: "The image is damaged and cannot be read." },
      ]);
    });
  });

  it("one bad file in a batch does not spoil the others", async () => {
    await withConversionDir(async (workDir) => {
      const results = await convertDocuments(
        [
          { inputPath: fixtures["locked.pdf"]!, declaredName: "locked.pdf" },
          { inputPath: fixtures["report.pdf"]!, declaredName: "report.pdf" },
        ],
        { workDir, quality: "standard" },
      );
      expect(results[0]).toHaveProperty("invalid");
      expect(converted(results[1]).pages).toBe(3);
    });
  });
});

describe("images as scanners and screenshot tools write them", () => {
  it("a 16-bit PNG converts to fax pages (issue 17)", async () => {
    await withConversionDir(async (workDir) => {
      const result = converted(
        await convertDocument(
          { inputPath: fixtures["deep.png"]!, declaredName: "scan.png" },
          { workDir, quality: "fine" },
        ),
      );
      expect(result.pages).toBe(1);
      expect(await tiffPages(result.tiffPath)).toEqual([{ width: 1728, resolution: "204, 196", g4: true }]);
    });
  });
});

describe("the job's private directory", () => {
  it("is private while the job runs and gone afterwards, even when the job fails", async () => {
    let seen = "";
    await withConversionDir(async (dir) => {
      seen = dir;
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      converted(
        await convertDocument(
          { inputPath: fixtures["report.pdf"]!, declaredName: "r.pdf" },
          { workDir: dir, quality: "fine" },
        ),
      );
    });
    await expect(stat(seen)).rejects.toMatchObject({ code: "ENOENT" });
    await expect(
      withConversionDir(async (dir) => {
        seen = dir;
        throw new Error("gateway lost the job");
      }),
    ).rejects.toThrow("gateway lost the job");
    await expect(stat(seen)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("tool runs", () => {
  it("without bubblewrap nothing runs: conversion fails closed and says what to install", async () => {
    const before = process.env.FAXPORT_BWRAP;
    process.env.FAXPORT_BWRAP = "/nonexistent/bwrap";
    try {
      await expect(convertOne("report.pdf")).rejects.toThrow(
        "Documents cannot be converted: the tool sandbox (bubblewrap) does not work here — /nonexistent/bwrap is missing. " +
          "Install the Debian package bubblewrap (`apt-get install bubblewrap`; npm start does it) and allow user namespaces.",
      );
    } finally {
      if (before === undefined) delete process.env.FAXPORT_BWRAP;
      else process.env.FAXPORT_BWRAP = before;
    }
  });

  it("a tool sees only a job's own directory in the scratch root, never a shared one", async () => {
    for (const shared of [tmpdir(), path.resolve(".data"), path.resolve(".data/scratch")]) {
      await expect(runTool("ls", ["-la", shared], { jobDir: shared, timeoutMs: 5_000 })).rejects.toThrow(
        `Tools run only on a job's own directory in the scratch root, not ${shared}`,
      );
    }
    // Inside, the job's directory is /job, /tmp is its own and empty, and the data directory does not exist.
    await withConversionDir(async (jobDir) => {
      const run = await runTool("sh", ["-c", `ls / /job; ls ${tmpdir()} ${path.resolve(".data")} || true`], {
        jobDir,
        timeoutMs: 5_000,
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^job$/m);
      expect(run.stderr).toContain("No such file or directory");
    });
  });

  it("a tool that outlives its time limit is killed, with its children", async () => {
    const started = performance.now();
    const result = await withConversionDir((jobDir) =>
      runTool("sh", ["-c", "sleep 30 & sleep 30"], { jobDir, timeoutMs: 300 }),
    );
    expect(result.timedOut).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
