/**
 * Looks users up through the caller's scoped client, so another tenant's id is simply not found
 * (row-level security hides the row) and never leaks.
 */

import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import { USER_FIELDS } from "./user-fields";

export async function getUser(opts: { db: Tx; id: string }) {
  const user = await opts.db.user.findUnique({ where: { id: opts.id }, select: USER_FIELDS });
  if (!user) throw notFound("User");
  return user;
}

/** The full row, for services that change it; not for returning to a browser. */
export async function loadUser(db: Tx, id: string) {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw notFound("User");
  return user;
}
