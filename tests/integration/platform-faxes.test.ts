import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { setSendFaxRuntime } from "../../server/fax/send-fax-runtime";
import { createLocalStorage } from "../../server/storage/local-storage";
import { prepareFaxDocument, testGatewayKeyRing } from "../support/fax-document";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";
import { testTempDir } from "../support/temp-dir";

type Caller = Awaited<ReturnType<typeof callerFor>>;
let acme: Awaited<ReturnType<typeof makeTenant>>;
let globex: Awaited<ReturnType<typeof makeTenant>>;
let platform: Caller;
let acmeAdmin: Caller;
let acmeUser: Caller;
const TITLE = "Confidential referral for J. Doe";
const jobs: Record<"acme" | "globex", string> = { acme: "", globex: "" };
const secrets: string[] = [];

const db = () => getDb();

beforeAll(async () => {
  const keys = testGatewayKeyRing();
  setSendFaxRuntime({ gatewayKeys: keys }); // fax.send checks grants against this ring
  acme = await makeTenant("Acme", "acme.localhost");
  globex = await makeTenant("Globex", "globex.localhost");
  const root = await makePlatformAdmin();
  platform = await callerFor(root.id, "localhost");
  acmeAdmin = await callerFor(acme.admin.id, acme.hostname);
  acmeUser = await callerFor(acme.user.id, acme.hostname);
  const trunk = await db().trunk.create({ data: { name: "Loopback East", host: "loopback.invalid", active: true } });
  const storage = createLocalStorage(testTempDir("faxport-store-"));
  for (const [name, org, to] of [
    ["acme", acme, "+13125550111"],
    ["globex", globex, "+442079460111"],
  ] as const) {
    await db().did.create({
      data: { number: name === "acme" ? "+12125550171" : "+12125550172", tenantId: org.tenant.id },
    });
    const doc = await prepareFaxDocument({
      tenantId: org.tenant.id,
      ownerId: org.user.id,
      pages: 1,
      quality: "STANDARD",
      storage,
      gatewayKeys: keys,
    });
    const caller = await callerFor(org.user.id, org.hostname);
    const { jobIds } = await caller.fax.send({
      titleCipher: await doc.titleCipher(TITLE),
      documentId: doc.document.id,
      destinations: [to],
      quality: "STANDARD",
      gatewaySealedKey: doc.gatewaySealedKey,
    });
    jobs[name] = jobIds[0]!;
    const row = await db().faxJob.findUniqueOrThrow({ where: { id: jobIds[0] } });
    secrets.push(doc.document.id, doc.document.storageKey, row.faxTiffKey!, doc.gatewaySealedKey);
    secrets.push(
      Buffer.from(row.gatewaySealedKey!).toString("base64"),
      Buffer.from(row.gatewaySealedKey!).toString("hex"),
    );
  }
  // Globex's fax was tried once over the trunk: busy.
  await db().faxAttempt.create({
    data: {
      tenantId: globex.tenant.id,
      faxJobId: jobs.globex,
      attemptNumber: 1,
      trunkId: trunk.id,
      status: "FAILED",
      failureReason: "BUSY",
      pagesSent: 0,
    },
  });
  await db().faxJob.update({
    where: { id: jobs.globex },
    data: { status: "FAILED", failureReason: "BUSY", attemptsMade: 1, completedAt: new Date() },
  });
});

describe("the platform's list of sent faxes", () => {
  it("shows both organisations' faxes with their metadata, and nothing that opens a page", async () => {
    const list = await platform.fax.listAll({});
    expect(list.total).toBe(2);
    const byOrg = Object.fromEntries(list.items.map((f) => [f.tenant.name, f]));
    expect(byOrg.Acme).toMatchObject({
      id: jobs.acme,
      toNumber: "+13125550111",
      callerId: "+12125550171",
      status: "QUEUED",
      statusLabel: "Waiting to send",
      pages: 1,
      attemptsMade: 0,
      maxAttempts: 4,
      trunk: null,
      user: { username: "acme-user" },
    });
    expect(byOrg.Globex).toMatchObject({
      id: jobs.globex,
      toNumber: "+442079460111",
      status: "FAILED",
      statusLabel: "Failed — Busy",
      failure: { label: "Busy" },
      pagesSent: 0,
      attemptsMade: 1,
      trunk: { name: "Loopback East" },
      user: { username: "globex-user" },
    });
    const text = JSON.stringify(list);
    for (const secret of [TITLE, ...secrets]) expect(text).not.toContain(secret);
    for (const field of ["title", "titleCipher", "documentId", "faxTiffKey", "gatewaySealedKey", "storageKey"]) {
      expect(text).not.toContain(`"${field}"`);
    }
  });

  it("filters by organisation and status, and searches numbers, organisations and senders", async () => {
    const ids = async (input: Parameters<typeof platform.fax.listAll>[0]) =>
      (await platform.fax.listAll(input)).items.map((f) => f.id);
    expect(await ids({ tenantId: globex.tenant.id })).toEqual([jobs.globex]);
    expect(await ids({ status: "queued" })).toEqual([jobs.acme]);
    expect(await ids({ status: "failed", tenantId: acme.tenant.id })).toEqual([]);
    expect(await ids({ search: "globex" })).toEqual([jobs.globex]);
    expect(await ids({ search: "acme-user" })).toEqual([jobs.acme]);
    expect(await ids({ search: "312 555 0111" })).toEqual([jobs.acme]);
    expect(await ids({ search: TITLE })).toEqual([]); // titles are not the platform's to search
    const paged = await platform.fax.listAll({ pageSize: 5, page: 2 });
    expect(paged).toMatchObject({ items: [], total: 2, page: 2 });
  });

  it("is refused to organisation admins and users, who keep their own list", async () => {
    await expect(acmeAdmin.fax.listAll({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acmeAdmin.fax.listAll({ tenantId: globex.tenant.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acmeUser.fax.listAll({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await acmeAdmin.fax.list({})).items.map((f) => f.id)).toEqual([jobs.acme]);
  });

  it("gives the platform neither the organisations' own list nor a fax's document", async () => {
    await expect(platform.fax.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Platform admins see every organisation's faxes under Administration → Sent faxes.",
    });
    await expect(platform.fax.cancel({ id: jobs.acme })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const documentId = (await db().faxJob.findUniqueOrThrow({ where: { id: jobs.acme } })).documentId!;
    await expect(platform.document.get({ id: documentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
