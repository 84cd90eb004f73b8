/**
 * Adds many DIDs from pasted text. Good numbers are added; every bad or duplicate entry is
 * reported with its line and reason, so nothing the admin typed is silently lost.
 */
import { e164Schema } from "@/lib/schemas/common";
import { type BulkEntry, type DidBulkCreateInput, MAX_BULK_ENTRIES, splitBulkNumbers } from "@/lib/schemas/did";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, uniqueOr } from "../errors";
import { requireTenant } from "./require-tenant";

export interface BulkProblem extends BulkEntry {
  reason: string;
}

export interface BulkResult {
  added: number;
  skipped: number;
  problems: BulkProblem[];
}

export async function bulkCreateDids(opts: { ctx: ActorContext; input: DidBulkCreateInput }): Promise<BulkResult> {
  const { ctx, input } = opts;
  const { db } = ctx;
  const entries = splitBulkNumbers(input.numbers);
  if (entries.length === 0) throw badRequest("Enter at least one number.", "numbers");
  if (entries.length > MAX_BULK_ENTRIES) {
    throw badRequest(`Paste at most ${MAX_BULK_ENTRIES} numbers at a time (got ${entries.length}).`, "numbers");
  }
  await requireTenant(db, input.tenantId);

  const problems: BulkProblem[] = [];
  const first = new Map<string, BulkEntry>(); // E.164 → the entry it first appeared as
  for (const entry of entries) {
    const parsed = e164Schema.safeParse(entry.input);
    if (!parsed.success) {
      problems.push({ ...entry, reason: parsed.error.issues[0]?.message ?? "Not a valid phone number" });
      continue;
    }
    const earlier = first.get(parsed.data);
    if (earlier) problems.push({ ...entry, reason: `${parsed.data} is repeated (first on line ${earlier.line})` });
    else first.set(parsed.data, entry);
  }

  const existing = await db.did.findMany({
    where: { number: { in: [...first.keys()] } },
    select: { number: true },
  });
  for (const { number } of existing) {
    problems.push({ ...first.get(number)!, reason: `${number} already exists` });
    first.delete(number);
  }
  const fresh = [...first.keys()];
  // A number added by someone else since the check above rolls the whole batch back with a clear message.
  const { count } = fresh.length
    ? await uniqueOr("Some of these numbers were added by someone else just now. Submit again to see which.", () =>
        db.did.createMany({
          data: fresh.map((number) => ({ number, title: input.title, tenantId: input.tenantId })),
        }),
      )
    : { count: 0 };

  problems.sort((a, b) => a.line - b.line);
  if (count > 0) {
    await ctx.audit({
      tenantId: input.tenantId,
      action: "did.bulkCreate",
      entityType: "Did",
      details: { added: count, skipped: problems.length, title: input.title, numbers: fresh.slice(0, 500) },
    });
  }
  return { added: count, skipped: problems.length, problems };
}
