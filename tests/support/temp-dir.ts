/**
 * A fresh folder in the system temp directory for one test file, removed again after the file's
 * tests (afterAll) — `npm test` fails its Leftovers stage on anything a test leaves there. Call it
 * at the top level of a test file or in its hooks and tests; import it before calling.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `prefix` names what the folder is for, e.g. "faxport-store-". */
export function testTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
