/** Adds one DID (already normalised to E.164 by the schema), optionally straight into a tenant. */
import type { DidCreateInput } from "@/lib/schemas/did";
import type { Actor } from "../audit/record-audit";
import { uniqueOr } from "../db/errors";
import type { Tx } from "../db/scope";
import { auditDid } from "./audit-did";
import { didSelect } from "./did-view";
import { requireTenant } from "./require-tenant";

export async function createDid(opts: { db: Tx; actor: Actor; input: DidCreateInput; ip?: string }) {
  const { input } = opts;
  await requireTenant(opts.db, input.tenantId);
  const did = await uniqueOr(`${input.number} already exists.`, () =>
    opts.db.did.create({
      data: { number: input.number, title: input.title, tenantId: input.tenantId },
      select: didSelect,
    }),
  );
  await auditDid(opts.db, { actor: opts.actor, ip: opts.ip, action: "did.create", did, details: { title: did.title } });
  return did;
}
