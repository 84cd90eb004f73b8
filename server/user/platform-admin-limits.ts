/**
 * What a platform admin may do to an organisation's people (issue 16). Anything that chooses an
 * account's password, its keys, its email or its role could end with the platform admin holding a
 * key that opens the organisation's documents, so only the organisation's own admins do those.
 * A platform admin names the first admin when creating the organisation (welcome link), and
 * afterwards only locks, unlocks, re-sends a welcome to an account that has no password yet,
 * requires a password change (which keeps the person's keys) or deletes.
 */
import type { Actor } from "../db/run-in-scope";
import { forbidden } from "../errors";

export type MemberAction = "create" | "set-password" | "update";

const REFUSALS: Record<MemberAction, string> = {
  create:
    "Platform admins cannot add people to an organisation. Its own admins add its people; its first admin is named when the organisation is created.",
  "set-password":
    "Platform admins cannot set the password of an organisation's people. They can use Forgot password, or ask one of their organisation admins.",
  update:
    "Platform admins cannot change an organisation's people (role, email or name). Ask one of the organisation's admins.",
};

/** Refuses a platform admin acting on a person who belongs to an organisation. */
export function assertOwnOrganisationAdmin(
  actor: Pick<Actor, "role">,
  person: { tenantId: string | null },
  action: MemberAction,
): void {
  if (actor.role === "PLATFORM_ADMIN" && person.tenantId !== null) throw forbidden(REFUSALS[action]);
}
