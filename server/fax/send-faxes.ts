/**
 * Send Fax: one FaxJob per destination, created in the procedure's one transaction together with
 * the tenant's limit reservation — refusals (invalid or blocked numbers, a limit) leave nothing
 * behind. The events that start the send-fax runs are stored in the same transaction (sendEvent).
 */
import { randomUUID } from "node:crypto";
import type { FaxSendInput } from "@/lib/schemas/fax";
import { sendEvent } from "@/server/job/send-event";
import type { ActorContext } from "../db/run-in-scope";
import { faxTiffKeyFor } from "../document/document-storage-keys";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { readGatewayGrant } from "../gateway/read-gateway-grant";
import { anyActiveTrunk } from "../trunk/any-active-trunk";
import { readCoverCipher } from "./read-cover-cipher";
import { readTitleCipher } from "./read-title-cipher";
import { reserveFaxQuota } from "./reserve-fax-quota";
import { resolveCallerId } from "./resolve-caller-id";
import { resolveDestinations } from "./resolve-destinations";
import { sendFaxEvent } from "./send-fax-event";
import { sendFaxRuntime } from "./send-fax-runtime";

export type SendFaxesResult = { jobIds: string[] };

export async function sendFaxes(opts: {
  ctx: ActorContext;
  input: FaxSendInput;
  now?: Date;
  /** A resend: the job it repeats. */
  resentFromId?: string;
}): Promise<SendFaxesResult> {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  const tenantId = actor.tenantId;
  if (!tenantId) throw forbidden("Faxes are sent from an organisation's portal.");
  const now = opts.now ?? new Date();
  // A person sends their own documents; an organisation admin any of the organisation's.
  const document = await db.document.findFirst({
    where: { id: input.documentId, ...(actor.role === "TENANT_ADMIN" ? {} : { ownerId: actor.id }) },
    select: { id: true, storageKey: true, pageCount: true, status: true },
  });
  if (!document) throw notFound("Document");
  if (document.status !== "READY") {
    throw badRequest(
      document.status === "INVALID"
        ? "This document could not be converted, so it cannot be faxed. Choose another."
        : "This document is still being prepared for faxing. Wait until it shows Ready.",
      "documentId",
    );
  }
  if (!(await anyActiveTrunk(db))) {
    throw conflict("No SIP trunk is available to send faxes right now. Ask your provider to set one up.");
  }
  const gatewaySealedKey = await readGatewayGrant({
    text: input.gatewaySealedKey,
    purpose: "send",
    ring: sendFaxRuntime().gatewayKeys,
    field: "gatewaySealedKey",
  });
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { defaultCountry: true, allowCostlyNumbers: true, dailyFaxLimit: true, monthlyFaxLimit: true },
  });
  const numbers = await resolveDestinations({
    db,
    tenantId,
    country: tenant.defaultCountry,
    allowCostlyNumbers: tenant.allowCostlyNumbers,
    destinations: input.destinations,
  });
  const callerId = await resolveCallerId({
    db,
    tenantId,
    userId: actor.id,
    country: tenant.defaultCountry,
    callerId: input.callerId,
  });
  const titleCipher = await readTitleCipher(input.titleCipher);
  const coverCipher = await readCoverCipher(input.coverCipher);
  const sender = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { publicKey: true } });
  const jobs = numbers.map((toNumber) => ({
    id: randomUUID(),
    tenantId,
    userId: actor.id,
    documentId: document.id,
    titleCipher,
    coverCipher,
    toNumber,
    callerId,
    quality: input.quality,
    maxRetries: input.attempts - 1,
    retryIntervalSeconds: input.retryMinutes * 60,
    // The cover page is a page of the fax like any other: in the header's count, the estimate, the report.
    pages: document.pageCount === null ? null : document.pageCount + (coverCipher ? 1 : 0),
    submittedAt: now,
    faxTiffKey: faxTiffKeyFor(document, input.quality),
    gatewaySealedKey,
    resentFromId: opts.resentFromId ?? null,
    // The report is sealed to the key the sender has now, not whatever key their account holds when it ends.
    senderPublicKey: sender.publicKey,
  }));
  await ctx.audit({
    tenantId,
    action: opts.resentFromId ? "fax.resend" : "fax.send",
    entityType: "FaxJob",
    entityId: jobs.length === 1 ? jobs[0]!.id : null,
    details: {
      jobs: jobs.map((j) => j.id),
      destinations: numbers,
      ...(opts.resentFromId ? { resentFrom: opts.resentFromId } : {}),
    },
  });
  // Stored in this transaction (the outbox): the runs start exactly when the jobs exist.
  await sendEvent(
    ctx,
    jobs.map((j) => sendFaxEvent(j.id)),
  );
  // Last, so the per-tenant lock is held only for the count and the insert.
  await reserveFaxQuota({ db, tenantId, limits: tenant, count: numbers.length, now });
  await db.faxJob.createMany({ data: jobs });
  return { jobIds: jobs.map((j) => j.id) };
}
