/**
 * Which tenant a branding or security-policy call acts on: a tenant admin only ever their own
 * (refused outright rather than relying on row-level security to hide the row), a platform admin
 * the one they chose.
 */
import type { Actor } from "../db/run-in-scope";
import { badRequest, forbidden } from "../errors";

export function pickTenant(opts: { actor: Pick<Actor, "role" | "tenantId">; tenantId?: string }): string {
  const { actor, tenantId } = opts;
  if (actor.role === "PLATFORM_ADMIN") {
    if (!tenantId) throw badRequest("Choose an organisation.", "tenantId");
    return tenantId;
  }
  if (!actor.tenantId || (tenantId && tenantId !== actor.tenantId)) {
    throw forbidden("You can only change your own organisation.");
  }
  return actor.tenantId;
}
