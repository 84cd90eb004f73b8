/**
 * What a person's browser does with their keys, for integration tests: unlock the stored key pair with
 * the password, and upload a document the way the Documents page does (make K, encrypt the name and
 * the content, seal K to the owner and the organisation, seal the conversion's keys to the gateway).
 */
import { openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import {
  encryptContent,
  encryptName,
  type KeyPair,
  newDocumentKey,
  sealDocumentKey,
  sealGatewayGrant,
  toBase64,
} from "@/lib/crypto";
import { getDb } from "../../server/db/client";
import type { Actor, ActorContext } from "../../server/db/run-in-scope";
import { runInScope } from "../../server/db/run-in-scope";
import { storeUploadedContent } from "../../server/document/store-uploaded-content";
import type { GatewayKeyRing } from "../../server/gateway/gateway-key-ring";
import type { callerFor } from "./fixtures";
import { PASSWORD } from "./fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;

export async function collect(source: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

/** The signed-in person's key pair, opened with their password as the browser does. */
export async function unlock(caller: Caller, password = PASSWORD): Promise<KeyPair> {
  const params = await caller.auth.myPasswordParams();
  const stored = await caller.keys.mine();
  if (!params.current || !stored) throw new Error("no keys");
  return openStoredKeys(stored, (await deriveCredentials(password, params.current)).unlockKey);
}

export async function actorOf(id: string): Promise<Actor> {
  const u = await getDb().user.findUniqueOrThrow({ where: { id } });
  return { id: u.id, username: u.username, role: u.role, tenantId: u.tenantId, permissions: u.permissions };
}

/** The upload route's scope for this person (the route reads it from the session). */
export function inScopeOf(tenantId: string, actor: Actor) {
  return <T>(write: boolean, work: (ctx: ActorContext) => Promise<T>) =>
    runInScope({ scope: { kind: "tenant", tenantId }, actor, write }, (ctx) => work(ctx as ActorContext));
}

export async function uploadAsBrowser(opts: {
  caller: Caller;
  actorId: string;
  tenantId: string;
  keys: KeyPair;
  tenantPublicKey: Uint8Array;
  gatewayKeys: GatewayKeyRing;
  file: Buffer;
  kind: "pdf" | "txt";
  name: string;
}) {
  const { caller, keys, file } = opts;
  const K = await newDocumentKey();
  const created = await caller.document.create({
    nameCipher: await toBase64(await encryptName(opts.name, K)),
    kind: opts.kind,
    quality: "FINE",
    sizeBytes: file.length,
    ownerSealedKey: await toBase64(await sealDocumentKey(K, keys.publicKey)),
    ownerKeyFor: await toBase64(keys.publicKey),
    tenantSealedKey: await toBase64(await sealDocumentKey(K, opts.tenantPublicKey)),
    gatewaySealedKey: await toBase64(await sealGatewayGrant(K, "convert", await opts.gatewayKeys.current())),
  });
  const cipher = await collect(encryptContent(K, [file]));
  await storeUploadedContent({
    documentId: created.id,
    body: new Blob([cipher]).stream(),
    contentLength: cipher.length,
    inScope: inScopeOf(opts.tenantId, await actorOf(opts.actorId)),
  });
  return { id: created.id, uploadUrl: created.uploadUrl, K };
}
