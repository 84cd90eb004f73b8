import { beforeAll, describe, expect, it } from "vitest";
import { gatewayGrantBytes } from "@/lib/crypto";
import { decryptFaxTitle } from "../../lib/crypto/document-key";
import { fromBase64 } from "../../lib/crypto/encoding";
import { getDb } from "../../server/db/client";
import { setSendFaxRuntime } from "../../server/fax/send-fax-runtime";
import { createLocalStorage } from "../../server/storage/local-storage";
import { secretForms } from "../support/canary";
import { prepareFaxDocument, testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant, makeUser } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let user: Caller;
let other: Caller;
let admin: Caller;
let platform: Caller;
let doc: Awaited<ReturnType<typeof prepareFaxDocument>>;

const db = () => getDb();
const send = (over: Record<string, unknown> = {}) => ({
  documentId: doc.document.id,
  destinations: ["(312) 555-0101"],
  gatewaySealedKey: doc.gatewaySealedKey,
  ...over,
});

beforeAll(async () => {
  const keys = testGatewayKeyRing();
  setSendFaxRuntime({ gatewayKeys: keys }); // fax.send checks grants against this ring
  acme = await makeTenant("Acme", "acme.localhost");
  const second = await makeUser(acme.tenant.id, "acme-second");
  await makePlatformAdmin();
  user = await callerFor(acme.user.id, acme.hostname);
  other = await callerFor(second.id, acme.hostname);
  admin = await callerFor(acme.admin.id, acme.hostname);
  platform = await callerFor((await db().user.findFirstOrThrow({ where: { role: "PLATFORM_ADMIN" } })).id, "localhost");
  await db().trunk.create({ data: { name: "Loopback", host: "loopback.invalid", active: true } });
  await db().did.create({ data: { number: "+12125550150", tenantId: acme.tenant.id } }); // the pool
  await db().did.create({ data: { number: "+12125550160", tenantId: acme.tenant.id, userId: acme.user.id } });
  const storage = createLocalStorage(testTempDir("faxport-store-"));
  doc = await prepareFaxDocument({
    tenantId: acme.tenant.id,
    ownerId: acme.user.id,
    pages: 2,
    quality: "FINE",
    storage,
    gatewayKeys: keys,
  });
});

describe("sending", () => {
  it("is refused in plain words, creating nothing, while no SIP trunk is active", async () => {
    await db().trunk.updateMany({ data: { active: false } });
    try {
      const before = await db().faxJob.count();
      await expect(user.fax.send(send({ destinations: ["+13125550101"] }))).rejects.toThrow(
        "No SIP trunk is available to send faxes right now. Ask your provider to set one up.",
      );
      expect(await db().faxJob.count()).toBe(before);
    } finally {
      await db().trunk.updateMany({ data: { active: true } });
    }
  });

  it("creates one queued job per destination with the default policy, the sender's own caller ID, and one event each", async () => {
    const { jobIds } = await user.fax.send(
      send({ destinations: ["(312) 555-0101", "+44 20 7946 0958", "312.555.0101"] }),
    );
    expect(jobIds).toHaveLength(2); // the same number twice is sent once
    const jobs = await db().faxJob.findMany({ where: { id: { in: jobIds } }, orderBy: { toNumber: "asc" } });
    expect(jobs.map((j) => j.toNumber)).toEqual(["+13125550101", "+442079460958"]);
    for (const job of jobs) {
      expect(job).toMatchObject({
        status: "QUEUED",
        callerId: "+12125550160",
        maxRetries: 3,
        retryIntervalSeconds: 300,
        pages: 2,
        userId: acme.user.id,
        faxTiffKey: `${doc.document.storageKey}.fax-fine.tif`,
        // The report will be sealed to the key the sender has now (issue 16), not a later one.
        senderPublicKey: acme.user.publicKey,
      });
      expect(job.gatewaySealedKey?.length).toBe(gatewayGrantBytes("send"));
    }
    const events = await db().jobEvent.findMany({ where: { name: "fax/send.requested" } });
    expect(events.map((e) => (e.data as { faxJobId: string }).faxJobId).sort()).toEqual([...jobIds].sort());
  });

  it("reads numbers in the country the organisation admin set", async () => {
    await admin.tenant.setCountry({ country: "gb" });
    try {
      const { jobIds } = await user.fax.send(send({ destinations: ["020 7946 0959"] }));
      expect((await db().faxJob.findUniqueOrThrow({ where: { id: jobIds[0] } })).toNumber).toBe("+442079460959");
      // A US national number is not a UK one: refused, naming it.
      await expect(user.fax.send(send({ destinations: ["(312) 555-0101"] }))).rejects.toMatchObject({
        message:
          'Invalid fax number: "(312) 555-0101" is not a valid United Kingdom number (for another country, start with + and its code). Nothing was sent.',
      });
    } finally {
      await admin.tenant.setCountry({ country: "US" });
    }
  });

  it("refuses invalid numbers, naming each with its reason, and creates nothing", async () => {
    const before = await db().faxJob.count();
    await expect(user.fax.send(send({ destinations: ["+13125550101", "555-12", "hello"] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        'Invalid fax number: "555-12" is too short; "hello" has letters in it (type the digits). Nothing was sent.',
    });
    expect(await db().faxJob.count()).toBe(before);
  });

  it("refuses blocked numbers with Blocked and creates nothing, not even for the good numbers", async () => {
    await db().blockedNumber.create({ data: { tenantId: acme.tenant.id, number: "+13125550199" } });
    const before = await db().faxJob.count();
    await expect(user.fax.send(send({ destinations: ["+13125550102", "312-555-0199"] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Blocked: +13125550199 is on your organisation's blocked-number list. Nothing was sent.",
    });
    expect(await db().faxJob.count()).toBe(before);
  });

  it("refuses premium-rate and satellite numbers with the reason, creating nothing, until a platform admin allows them", async () => {
    const before = await db().faxJob.count();
    await expect(user.fax.send(send({ destinations: ["+13125550103", "1-900-555-0100"] }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Premium-rate numbers are not allowed for your organisation: +1 900 555 0100. Nothing was sent.",
    });
    await expect(user.fax.send(send({ destinations: ["+881631234567", "+44 909 879 0000"] }))).rejects.toMatchObject({
      message:
        "Satellite phone numbers are not allowed for your organisation: +881 6 312 34567. Premium-rate numbers are not allowed for your organisation: +44 909 879 0000. Nothing was sent.",
    });
    // Resend is the same check: the reason shows beside its number field.
    const { jobIds } = await user.fax.send(send({ destinations: ["+13125550104"] }));
    await expect(
      user.fax.resend({ id: jobIds[0]!, toNumber: "+979 1 2345 6789", gatewaySealedKey: await doc.sealAgain() }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^Premium-rate numbers are not allowed/) });
    expect(await db().faxJob.count()).toBe(before + 1);

    // Only a platform admin may allow them (on the organisation form), and that is audited.
    const form = await platform.tenant.get({ id: acme.tenant.id });
    expect(form.allowCostlyNumbers).toBe(false);
    const domains = form.domains.map((d) => d.hostname);
    await platform.tenant.update({ ...form, retentionDays: form.retentionDays, domains, allowCostlyNumbers: true });
    try {
      expect(
        await db().auditLog.count({
          where: { action: "tenant.update", details: { path: ["allowCostlyNumbers"], equals: true } },
        }),
      ).toBe(1);
      await expect(admin.tenant.update({ ...form, domains, allowCostlyNumbers: true })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      const allowed = await user.fax.send(send({ destinations: ["+1 900 555 0100"] }));
      expect(allowed.jobIds).toHaveLength(1);
    } finally {
      await platform.tenant.update({ ...form, domains, allowCostlyNumbers: false });
    }
  });

  it("refuses a caller ID that is not one of the tenant's numbers, and another user's document", async () => {
    await expect(user.fax.send(send({ callerId: "+12125559999" }))).rejects.toMatchObject({
      message: "Choose a caller ID from your organisation's fax numbers.",
    });
    await expect(other.fax.send(send())).rejects.toMatchObject({ code: "NOT_FOUND", message: "Document not found." });
    const { jobIds } = await admin.fax.send(send({ callerId: "+1 212 555 0150" }));
    expect((await db().faxJob.findUniqueOrThrow({ where: { id: jobIds[0] } })).callerId).toBe("+12125550150");
  });

  it("tells New fax the caller ID Automatic gives: the sender's own number, else none in an organisation without numbers", async () => {
    expect(await user.fax.automaticCallerId()).toEqual({ number: "+12125550160" });
    expect(await admin.fax.automaticCallerId()).toEqual({ number: "+12125550150" }); // the pool
    const globex = await makeTenant("Globex", "globex.localhost");
    const bare = await callerFor(globex.user.id, globex.hostname);
    expect(await bare.fax.automaticCallerId()).toEqual({ number: null });
  });

  it("sends the same number typed twice once", async () => {
    const { jobIds } = await user.fax.send(send({ destinations: ["(312) 555-0111", "+1 312 555 0111"] }));
    expect(jobIds).toHaveLength(1);
  });

  it("refuses a damaged sealed key with a plain message", async () => {
    await expect(user.fax.send(send({ gatewaySealedKey: "not-a-key" }))).rejects.toMatchObject({
      message: "The document's key for the fax gateway is missing or damaged. Reload the page and try again.",
    });
  });
});

describe("the title", () => {
  const TITLE = "Biopsy results for Ms Adaeze Okonkwo";

  it("is stored only encrypted under the document's key: no table holds it in plain text, and the sender's browser reads it back", async () => {
    const { jobIds } = await user.fax.send(send({ titleCipher: await doc.titleCipher(TITLE) }));
    const id = jobIds[0]!;
    const tables = await db().$queryRawUnsafe<{ tablename: string }[]>(
      "SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    for (const { tablename } of tables) {
      const dump = await db().$queryRawUnsafe<{ r: string }[]>(
        `SELECT row_to_json(x)::text AS r FROM "${tablename}" x`,
      );
      const hay = Buffer.from(dump.map((d) => d.r).join("\n"));
      for (const needle of secretForms(TITLE)) expect(hay.includes(needle), `${tablename} holds the title`).toBe(false);
    }
    // What the browser gets: the ciphertext and a copy of K it can open (here checked with K itself).
    const seen = await user.fax.get({ id });
    expect(seen.titleCipher).not.toBeNull();
    expect(await decryptFaxTitle(await fromBase64(seen.titleCipher!), doc.documentKey)).toBe(TITLE);
    expect(seen.documentKeyForMe).toBeNull(); // this test document's owner copy is a placeholder (not for the user's key)
    const listed = (await admin.fax.list({ page: 1, pageSize: 50 })).items.find((f) => f.id === id);
    expect(listed?.titleCipher).toBe(seen.titleCipher);
    expect(listed?.documentKeyForMe?.via).toBe("tenant");
    // A resend carries the same encrypted title (same document, same K).
    const { jobId } = await user.fax.resend({ id, gatewaySealedKey: await doc.sealAgain() });
    expect((await user.fax.get({ id: jobId })).titleCipher).toBe(seen.titleCipher);
    // Platform admins get neither the ciphertext nor a key.
    expect(await platform.fax.get({ id })).toMatchObject({ titleCipher: null, documentKeyForMe: null });
  });

  it("refuses bytes that are not an encrypted title, with a plain message", async () => {
    await expect(user.fax.send(send({ titleCipher: "Referral" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The encrypted title could not be read. Reload the page and send again.",
    });
  });
});

describe("limits", () => {
  it("admits exactly the remainder when 100 sends race at the daily limit; the rest are refused with nothing half-created", async () => {
    const used = await db().faxJob.count({ where: { tenantId: acme.tenant.id } });
    await db().tenant.update({ where: { id: acme.tenant.id }, data: { dailyFaxLimit: used + 37 } });
    const callers = await Promise.all(Array.from({ length: 10 }, () => callerFor(acme.user.id, acme.hostname)));
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        callers[i % 10]!.fax.send(send({ destinations: [`+1312555${String(1000 + i).slice(-4)}`] })),
      ),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(accepted).toHaveLength(37);
    expect(refused).toHaveLength(63);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: "TOO_MANY_REQUESTS" });
      expect(String(r.reason.message)).toMatch(
        /^Limit reached: your organisation may send \d+ faxes a day; none left this day\. Nothing was sent\.$/,
      );
    }
    expect(await db().faxJob.count({ where: { tenantId: acme.tenant.id } })).toBe(used + 37);
    // Every accepted job has the event that starts its run.
    const ids = accepted.flatMap((r) => r.value.jobIds);
    const events = await db().jobEvent.findMany({ where: { name: "fax/send.requested" } });
    const started = new Set(events.map((e) => (e.data as { faxJobId: string }).faxJobId));
    expect(ids.filter((id) => !started.has(id))).toEqual([]);
  }, 120_000);

  it("refuses a batch bigger than what is left, saying how many are left, and the monthly limit too", async () => {
    const used = await db().faxJob.count({ where: { tenantId: acme.tenant.id } });
    await db().tenant.update({ where: { id: acme.tenant.id }, data: { dailyFaxLimit: used + 1 } });
    await expect(user.fax.send(send({ destinations: ["+13125550301", "+13125550302"] }))).rejects.toMatchObject({
      message: `Limit reached: your organisation may send ${used + 1} faxes a day; only 1 fax left this day, and this needs 2. Nothing was sent.`,
    });
    await db().tenant.update({ where: { id: acme.tenant.id }, data: { dailyFaxLimit: 10_000, monthlyFaxLimit: used } });
    await expect(user.fax.send(send())).rejects.toMatchObject({ message: /^Limit reached: .* a month; none left/ });
    expect(await db().faxJob.count({ where: { tenantId: acme.tenant.id } })).toBe(used);
    await db().tenant.update({
      where: { id: acme.tenant.id },
      data: { dailyFaxLimit: 10_000, monthlyFaxLimit: 100_000 },
    });
  });
});

describe("list, detail, cancel, resend", () => {
  it("lists a user's own faxes, the admin's whole organisation, and every tenant's as metadata for the platform", async () => {
    const mine = await user.fax.list({ pageSize: 200 });
    const theirs = await other.fax.list({});
    const all = await admin.fax.list({ pageSize: 200 });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((f) => f.user?.id === acme.user.id)).toBe(true);
    expect(theirs.total).toBe(0);
    expect(all.total).toBeGreaterThan(mine.total); // the admin's own sends too
    const meta = await platform.fax.listAll({ tenantId: acme.tenant.id, pageSize: 200 });
    expect(meta.total).toBe(all.total);
    expect(meta.items.every((f) => !("title" in f) && !("documentId" in f))).toBe(true);
    expect(mine.items[0]).toMatchObject({ statusLabel: "Waiting to send", maxAttempts: 4, retryMinutes: 5 });
    const found = await user.fax.list({ search: "442079460958" });
    expect(found.items.map((f) => f.toNumber)).toEqual(["+442079460958"]);
    expect((await user.fax.list({ status: "delivered" })).total).toBe(0);
  });

  it("shows every attempt with its plain explanation", async () => {
    const { jobIds } = await user.fax.send(send({ destinations: ["+13125550486"] }));
    const jobId = jobIds[0]!;
    await db().faxAttempt.create({
      data: { tenantId: acme.tenant.id, faxJobId: jobId, attemptNumber: 1, status: "FAILED", failureReason: "BUSY" },
    });
    await db().faxJob.update({
      where: { id: jobId },
      data: { failureReason: "BUSY", callState: "RETRY_WAIT", attemptsMade: 1 },
    });
    const detail = await user.fax.get({ id: jobId });
    expect(detail.statusLabel).toMatch(/^Waiting to retry/);
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]!.outcome).toEqual({
      label: "Busy",
      explanation: "The line was busy. Someone was on the phone or the fax machine was already in a call.",
    });
    expect(detail).not.toHaveProperty("gatewaySealedKey");
    expect(detail).not.toHaveProperty("faxTiffKey");
    await expect(other.fax.get({ id: jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancels a queued fax at once and forgets its key; a fax on a call gets a cancel request; a finished one cannot be cancelled", async () => {
    const { jobIds } = await user.fax.send(send({ destinations: ["+13125550401", "+13125550402"] }));
    const [queued, dialing] = jobIds as [string, string];
    await expect(other.fax.cancel({ id: queued })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await user.fax.cancel({ id: queued })).toEqual({ result: "cancelled" });
    const cancelled = await db().faxJob.findUniqueOrThrow({ where: { id: queued } });
    expect(cancelled).toMatchObject({ status: "CANCELLED", failureReason: "CANCELLED", gatewaySealedKey: null });
    expect((await user.fax.get({ id: queued })).statusLabel).toBe("Cancelled");

    await db().faxJob.update({ where: { id: dialing }, data: { status: "IN_PROGRESS", callState: "DIALING" } });
    expect(await user.fax.cancel({ id: dialing })).toEqual({ result: "requested" });
    expect((await user.fax.get({ id: dialing })).statusLabel).toBe("Cancelling…");
    expect((await db().faxJob.findUniqueOrThrow({ where: { id: dialing } })).status).toBe("IN_PROGRESS");

    await expect(user.fax.cancel({ id: queued })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This fax has already finished, so it cannot be cancelled.",
    });
  });

  it("resends to the same or a new number as a new job", async () => {
    const { jobIds } = await user.fax.send(send({ destinations: ["+13125550501"], attempts: 2, retryMinutes: 7 }));
    const original = jobIds[0]!;
    const same = await user.fax.resend({ id: original, gatewaySealedKey: await doc.sealAgain() });
    const moved = await user.fax.resend({
      id: original,
      toNumber: "312 555 0502",
      gatewaySealedKey: await doc.sealAgain(),
    });
    expect(same.jobId).not.toBe(original);
    const rows = await db().faxJob.findMany({ where: { id: { in: [same.jobId, moved.jobId] } } });
    expect(rows.map((r) => r.toNumber).sort()).toEqual(["+13125550501", "+13125550502"]);
    for (const r of rows)
      expect(r).toMatchObject({ resentFromId: original, maxRetries: 1, retryIntervalSeconds: 420, status: "QUEUED" });
    await expect(other.fax.resend({ id: original, gatewaySealedKey: await doc.sealAgain() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
