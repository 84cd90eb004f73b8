/**
 * A password someone else typed (an administrator creating an account or setting its password)
 * is known to two people. When the organisation's policy says new users must change their
 * password at first sign-in, such an account must choose its own before anything else works
 * (the flag is enforced by the page guards and the tRPC `signedIn` middleware). An administrator's
 * tick can ask for the change when the policy does not; it cannot waive the policy.
 */
import type { Tx } from "../db/scope";
import { policyFor } from "./security-policy";

export async function mustChangeTypedPassword(
  db: Tx,
  opts: { tenantId: string | null; askedByAdmin: boolean },
): Promise<boolean> {
  if (opts.askedByAdmin) return true;
  return (await policyFor(opts.tenantId, db)).forceChangeOnFirstLogin;
}
