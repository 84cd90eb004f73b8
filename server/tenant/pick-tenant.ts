/**
 * Which tenant a branding or security-policy call acts on: a tenant admin only ever their own
 * (refused outright rather than relying on row-level security to hide the row), a platform admin
 * the one they chose.
 */
import type { SessionUser } from "../auth/sessions";
import { badRequest, forbidden } from "../errors";

export function pickTenant(opts: { user: Pick<SessionUser, "role" | "tenantId">; tenantId?: string }): string {
  const { user, tenantId } = opts;
  if (user.role === "PLATFORM_ADMIN") {
    if (!tenantId) throw badRequest("Choose a tenant.");
    return tenantId;
  }
  if (!user.tenantId || (tenantId && tenantId !== user.tenantId)) {
    throw forbidden("You can only change your own organisation.");
  }
  return user.tenantId;
}
