/**
 * PDF → fax TIFF speed at fine quality (204×196 dpi, G4): a 100-page text PDF made by ghostscript, rendered
 * through the same converter a gateway job uses (page count + render). Prints pages/s; goal ≥ 10.
 *   npx tsx bench/convert.ts
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { convertDocument, withConversionDir } from "../server/gateway/convert";

const PAGES = 100;
const ROUNDS = 3;

async function main() {
  await withConversionDir(async (dir) => {
    const ps = path.join(dir, "bench.ps");
    const pdf = path.join(dir, "bench.pdf");
    // Dense pages: 50 lines of text each, like a typed letter.
    writeFileSync(
      ps,
      `%!PS\n/Helvetica findfont 11 scalefont setfont\n1 1 ${PAGES} { /n exch def 0 1 49 { /l exch def 54 740 l 14 mul sub moveto (Page ) show n 4 string cvs show ( line ) show l 3 string cvs show (: the quick brown fox jumps over the lazy dog 0123456789) show } for showpage } for\n`,
    );
    execFileSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", `-sOutputFile=${pdf}`, ps]);
    let best = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const result = await withConversionDir((workDir) =>
        convertDocument({ inputPath: pdf, declaredName: "bench.pdf" }, { workDir, quality: "fine" }),
      );
      const seconds = (performance.now() - started) / 1000;
      if ("invalid" in result) throw new Error(result.invalid);
      if (result.pages !== PAGES) throw new Error(`expected ${PAGES} pages, got ${result.pages}`);
      const rate = PAGES / seconds;
      best = Math.max(best, rate);
      console.log(`round ${round + 1}: ${PAGES} pages in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} pages/s`);
    }
    console.log(`best: ${best.toFixed(1)} pages/s at fine (goal ≥ 10) ${best >= 10 ? "OK" : "BELOW GOAL"}`);
    if (best < 10) process.exitCode = 1;
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
