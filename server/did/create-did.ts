/** Adds one DID (already normalised to E.164 by the schema), optionally straight into a tenant. */
import type { DidCreateInput } from "@/lib/schemas/did";
import type { ActorContext } from "../db/run-in-scope";
import { uniqueOr } from "../errors";
import { auditDid } from "./audit-did";
import { didSelect } from "./did-view";
import { requireTenant } from "./require-tenant";

export async function createDid(opts: { ctx: ActorContext; input: DidCreateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
  await requireTenant(db, input.tenantId);
  const did = await uniqueOr(
    `${input.number} already exists.`,
    () =>
      db.did.create({
        data: { number: input.number, title: input.title, tenantId: input.tenantId },
        select: didSelect,
      }),
    "number",
  );
  await auditDid(ctx, { action: "did.create", did, details: { title: did.title } });
  return did;
}
