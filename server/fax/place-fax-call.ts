/**
 * The call step of one attempt. The attempt is marked dialled (committed at once) just before the
 * gateway dials, so a step that is cut off mid-call and run again finds the mark and records the
 * attempt as interrupted instead of dialling a second time. Progress (ringing, page k of n) is
 * written as it happens; a cancel request is passed to the gateway; the result is recorded with the
 * step's own result (stepTransaction) by recordFaxAttempt.
 */

import { faxHeaderInfo } from "@/lib/fax-header";
import { describeOutcome } from "@/lib/fax-statuses";
import { emptyResult, type FaxCallResult, type FaxProgress, type GatewayTrunk } from "@/server/gateway/types";
import { systemDb } from "../db/system-db";
import { withFaxDocument } from "../gateway/open-fax-document";
import { reduceFirstPage } from "./make-fax-report";
import type { SendFaxRuntime } from "./send-fax-runtime";

export async function placeFaxCall(opts: {
  runtime: SendFaxRuntime;
  attemptId: string;
}): Promise<{ result: FaxCallResult; answeredAt: Date | null; firstPage?: Uint8Array | null }> {
  const { runtime, attemptId } = opts;
  const db = systemDb();
  const attempt = await db.faxAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: {
      faxJob: {
        include: { tenant: { select: { name: true, timeZone: true } }, document: { select: { pageCount: true } } },
      },
      trunk: true,
    },
  });
  const job = attempt.faxJob;
  if (attempt.dialedAt) {
    return {
      result: emptyResult("GENERAL_ERROR", "The call was cut off when the server stopped; it was not dialled again"),
      answeredAt: attempt.answeredAt,
    };
  }
  if (job.cancelRequestedAt || job.status === "CANCELLED") {
    return { result: emptyResult("CANCELLED", "Cancelled before dialling"), answeredAt: null };
  }
  const trunkRow = attempt.trunk;
  if (!trunkRow)
    return { result: emptyResult("GENERAL_ERROR", "The trunk was removed before dialling"), answeredAt: null };

  const trunk: GatewayTrunk = {
    id: trunkRow.id,
    name: trunkRow.name,
    driver: trunkRow.driver,
    host: trunkRow.host,
    port: trunkRow.port,
    ipAuth: trunkRow.ipAuth,
    sipUsername: trunkRow.sipUsername,
    // A call never needs the SIP password: it belongs to the sofia gateway definition, written when
    // the trunk is saved. Left sealed (and secret-box is server-only, which the runner process is not).
    sipPassword: null,
    maxChannels: trunkRow.maxChannels,
    maxCallsPerMinute: trunkRow.maxCallsPerMinute,
  };
  let answeredAt: Date | null = null;
  // Progress writes run one after another, never out of order; the step waits for the last.
  let progressWrites: Promise<unknown> = Promise.resolve();
  const write = (data: { callState: string; currentPage?: number | null }) => {
    progressWrites = progressWrites
      .then(() => db.faxJob.updateMany({ where: { id: job.id, status: "IN_PROGRESS" }, data }))
      .catch((error) => console.error("fax progress write failed:", error));
  };
  const onProgress = (event: FaxProgress) => {
    if (event.kind === "ringing") write({ callState: "RINGING" });
    else if (event.kind === "connected") {
      const at = runtime.now();
      answeredAt = at;
      // Picked up, maybe by a person: "sending" only once a fax machine answers (fax-session).
      write({ callState: "ANSWERED", currentPage: null });
      // CDR: the answer time is written when it happens, not only when the call ends.
      progressWrites = progressWrites
        .then(() => db.faxAttempt.update({ where: { id: attemptId }, data: { answeredAt: at } }))
        .catch((error) => console.error("fax answer time write failed:", error));
    } else if (event.kind === "fax-session") {
      write({ callState: "SENDING", currentPage: 1 });
    } else if (event.kind === "page") {
      // `page` pages are through; the next one is on the line (the last stays shown until the end).
      const total = event.pages ?? job.pages;
      write({ callState: "SENDING", currentPage: total ? Math.min(event.page + 1, total) : event.page + 1 });
    }
  };

  let gateway: ReturnType<SendFaxRuntime["gateways"]["forTrunk"]>;
  try {
    gateway = runtime.gateways.forTrunk(trunk);
  } catch (error) {
    return { result: emptyResult("GENERAL_ERROR", (error as Error).message), answeredAt: null };
  }
  let firstPage: Uint8Array | null = null;
  const opened = await withFaxDocument(
    job,
    { storage: runtime.storage, gatewayKeys: runtime.gatewayKeys },
    async (tiffPath) => {
      // Committed before dialling; anything that fails before this point may simply run again. Only
      // while unmarked: of two copies of this step running at once (an Inngest server may ask twice),
      // one dials.
      const marked = await db.faxAttempt.updateMany({
        where: { id: attemptId, dialedAt: null },
        data: { dialedAt: runtime.now() },
      });
      if (marked.count === 0) {
        return emptyResult("GENERAL_ERROR", "The call was already being placed by another run of this step");
      }
      const call = gateway.send({
        trunk,
        to: job.toNumber,
        callerId: job.callerId,
        ...faxHeader(job),
        resolution: job.quality,
        tiffPath,
        reference: attemptId,
        onProgress,
      });
      let cancelling = false;
      const poll = setInterval(() => {
        if (cancelling) return;
        db.faxJob
          .findUnique({ where: { id: job.id }, select: { cancelRequestedAt: true, status: true } })
          .then((now) => {
            if (!cancelling && (now?.cancelRequestedAt || now?.status === "CANCELLED" || !now)) {
              cancelling = true;
              void call.cancel();
            }
          })
          .catch(() => {});
      }, runtime.cancelPollMs);
      let result: FaxCallResult;
      try {
        result = await call.result;
      } finally {
        clearInterval(poll);
      }
      // For the transmission report, while the pages are still plaintext in the private directory.
      // Kept in memory only (never in the step's stored result) and wiped with the directory.
      // Only when this attempt ends the fax (as recordFaxAttempt will decide): retries make no image.
      const last =
        result.outcome === "SENT" ||
        !describeOutcome(result.outcome).retryable ||
        attempt.attemptNumber >= job.maxRetries + 1;
      if (last) firstPage = await reduceFirstPage(tiffPath);
      return result;
    },
  );
  await progressWrites;
  const result = opened.opened ? opened.result : emptyResult(opened.outcome, opened.message);
  return { result, answeredAt, firstPage };
}

/** The header line's text and zone for this fax (lib/fax-header.ts; the engine adds date, caller ID, page). */
function faxHeader(job: {
  pages: number | null;
  tenant: { name: string; timeZone: string };
  document: { pageCount: number | null } | null;
}) {
  return {
    headerInfo: faxHeaderInfo(job.tenant.name, job.pages ?? job.document?.pageCount ?? null),
    headerTimeZone: job.tenant.timeZone,
  };
}
