/**
 * Plain-language messages for zod's generic refusals, in one place, for the browser and the server
 * alike (every schema imports this through `common.ts`). A schema's own message still wins; this only
 * replaces zod's defaults such as "Too big: expected string to have <=120 characters".
 */
import { z } from "zod";

type Issue = Parameters<NonNullable<z.core.$ZodConfig["customError"]>>[0];

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;
/** 1000000 → "1,000,000", so limits read at a glance. */
const num = (n: unknown) => (typeof n === "number" || typeof n === "bigint" ? n.toLocaleString("en") : String(n));

export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "too_big": {
      const max = issue.maximum as number;
      if (issue.origin === "string") return `Use at most ${plural(max, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set") return `Give at most ${max}`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return issue.inclusive === false ? `Enter a number below ${num(max)}` : `Enter ${num(max)} or less`;
      return undefined;
    }
    case "too_small": {
      const min = issue.minimum as number;
      if (issue.origin === "string")
        return Number(min) <= 1 ? "This is required" : `Use at least ${plural(min, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return Number(min) <= 1 ? "Give at least one" : `Give at least ${min}`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint")
        return issue.inclusive === false ? `Enter a number above ${num(min)}` : `Enter ${num(min)} or more`;
      return undefined;
    }
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") return "Enter a number";
      if (issue.input === undefined || issue.input === null) return "This is required";
      return undefined;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address like name@example.com";
      if (issue.format === "url") return "Enter a web address like https://example.com";
      return undefined;
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
