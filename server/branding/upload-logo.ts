/** Stores a tenant's logo after checking it really is a small, harmless image. */

import { checkLogo } from "@/lib/branding/check-logo";
import { LOGO_WRONG_TYPE } from "@/lib/schemas/branding";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, notFound } from "../errors";
import { invalidateHostCache } from "../tenant/resolve-tenant";

export async function uploadLogo(opts: { ctx: ActorContext; tenantId: string; mimeType: string; data: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  // Buffer.from silently skips junk characters, so refuse anything that is not strict base64.
  const base64 = opts.data.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badRequest(LOGO_WRONG_TYPE);
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  const check = checkLogo(bytes, opts.mimeType);
  if (!check.ok) throw badRequest(check.message); // before any write: a refusal changes nothing

  const exists = await db.tenant.findUnique({ where: { id: opts.tenantId }, select: { id: true } });
  if (!exists) throw notFound("Organisation");
  const updatedAt = new Date();
  await db.tenant.update({
    where: { id: opts.tenantId },
    data: { logo: check.bytes, logoMimeType: check.mimeType, logoUpdatedAt: updatedAt },
  });
  ctx.afterCommit(invalidateHostCache); // new logo version in the brand, so browsers fetch it at once
  await ctx.audit({
    tenantId: opts.tenantId,
    action: "branding.logo-upload",
    entityType: "Tenant",
    entityId: opts.tenantId,
    details: { mimeType: check.mimeType, bytes: check.bytes.length },
  });
  return { logoMimeType: check.mimeType, logoUpdatedAt: updatedAt };
}
