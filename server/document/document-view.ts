/**
 * A document as the browser sees it: plain metadata, the encrypted name, and the one copy of its
 * key the caller can open — their own (owner, sealed to their current public key) or the
 * organisation's (admins open the tenant key first). None: the caller is waiting for access.
 */
import type { Document, User } from "@prisma/client";
import { toBase64 } from "@/lib/crypto";
import type { ActorContext } from "../db/run-in-scope";

export type KeyForMe = { via: "owner"; sealedKey: string } | { via: "tenant"; sealedKey: string } | null;

export interface DocumentView {
  id: string;
  nameCipher: string;
  kind: string;
  quality: Document["quality"];
  sizeBytes: number;
  pageCount: number | null;
  status: Document["status"];
  invalidReason: string | null;
  createdAt: Date;
  owner: { id: string; username: string } | null;
  keyForMe: KeyForMe;
}

export const DOCUMENT_VIEW_SELECT = {
  id: true,
  nameCipher: true,
  kind: true,
  quality: true,
  sizeBytes: true,
  pageCount: true,
  status: true,
  invalidReason: true,
  createdAt: true,
  ownerId: true,
  ownerSealedKey: true,
  ownerKeyFor: true,
  tenantSealedKey: true,
  owner: { select: { id: true, username: true } },
} as const;

type Row = Pick<
  Document,
  | "id"
  | "nameCipher"
  | "kind"
  | "quality"
  | "sizeBytes"
  | "pageCount"
  | "status"
  | "invalidReason"
  | "createdAt"
  | "ownerId"
  | "ownerSealedKey"
  | "ownerKeyFor"
  | "tenantSealedKey"
> & { owner: Pick<User, "id" | "username"> | null };

export async function documentView(ctx: ActorContext, row: Row, myPublicKey: string | null): Promise<DocumentView> {
  let keyForMe: KeyForMe = null;
  if (row.ownerId === ctx.actor.id && myPublicKey && row.ownerKeyFor === myPublicKey) {
    keyForMe = { via: "owner", sealedKey: await toBase64(row.ownerSealedKey) };
  } else if (ctx.actor.role === "TENANT_ADMIN") {
    keyForMe = { via: "tenant", sealedKey: await toBase64(row.tenantSealedKey) };
  }
  return {
    id: row.id,
    nameCipher: await toBase64(row.nameCipher),
    kind: row.kind,
    quality: row.quality,
    sizeBytes: row.sizeBytes,
    pageCount: row.pageCount,
    status: row.status,
    invalidReason: row.invalidReason,
    createdAt: row.createdAt,
    owner: row.owner,
    keyForMe,
  };
}

export async function myPublicKey(ctx: ActorContext): Promise<string | null> {
  const me = await ctx.db.user.findUnique({ where: { id: ctx.actor.id }, select: { publicKey: true } });
  return me?.publicKey ?? null;
}
