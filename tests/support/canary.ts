/** The canary checks' search: every way a secret could sit in stored bytes, and every stored file. */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The secret as UTF-8, UTF-16LE, the start of its base64 / base64url, and hex in both cases. */
export function secretForms(text: string): Buffer[] {
  const plain = Buffer.from(text, "utf8");
  return [
    plain,
    Buffer.from(text, "utf16le"),
    Buffer.from(plain.toString("base64").slice(0, 12)),
    Buffer.from(plain.toString("base64url").slice(0, 12)),
    Buffer.from(plain.toString("hex")),
    Buffer.from(plain.toString("hex").toUpperCase()),
  ];
}

/**
 * Every file under `dir` (none when it does not exist). An entry gone between the listing and its
 * look (written or deleted meanwhile by a job or a spec running beside) is left out, not its folder.
 */
export function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const p = path.join(dir, entry);
    try {
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    } catch {
      return [];
    }
  });
}
