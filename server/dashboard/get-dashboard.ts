/**
 * What the dashboard shows, by role, in few round trips: the figures in one statement (row-level
 * security narrows every count to the caller's scope), the caller's fax numbers and recent faxes.
 * - platform admin: platform counters;
 * - organisation admin: the first-run checklist's facts, organisation counters, their own numbers;
 * - user: their own numbers, recent faxes and account — no organisation counters.
 */

import type { SetupFacts } from "@/lib/dashboard/setup-checklist";
import type { RoleName } from "@/lib/roles";
import type { Tx } from "../db/scope";

export interface DashboardCounter {
  label: string;
  value: number;
}

export interface DashboardNumber {
  id: string;
  number: string;
  title: string;
  forward: "NONE" | "EMAIL";
  forwardEmail: string | null;
}

export interface DashboardFax {
  id: string;
  direction: "sent" | "received";
  /** The other end: the destination of a sent fax, the sender of a received one. */
  number: string;
  at: Date;
  status: string;
  pages: number | null;
}

export interface Dashboard {
  counters: DashboardCounter[] | null;
  setup: SetupFacts | null;
  numbers: DashboardNumber[] | null;
  recentFaxes: DashboardFax[] | null;
  account: { passwordChangedAt: Date | null; passwordMaxAgeDays: number | null };
}

const RECENT = 5;

export async function getDashboard(opts: {
  db: Tx;
  user: { id: string; tenantId: string | null; role: RoleName };
}): Promise<Dashboard> {
  const { db, user } = opts;
  if (user.role === "PLATFORM_ADMIN" || !user.tenantId) {
    const [row] = await db.$queryRaw<
      {
        organisations: number;
        users: number;
        lockedUsers: number;
        faxNumbers: number;
        assigned: number;
        trunks: number;
        passwordChangedAt: Date | null;
      }[]
    >`SELECT
        (SELECT count(*) FROM "Tenant")::int AS organisations,
        (SELECT count(*) FROM "User")::int AS users,
        (SELECT count(*) FROM "User" WHERE locked)::int AS "lockedUsers",
        (SELECT count(*) FROM "Did")::int AS "faxNumbers",
        (SELECT count(*) FROM "Did" WHERE "userId" IS NOT NULL)::int AS assigned,
        (SELECT count(*) FROM "Trunk" WHERE active)::int AS trunks,
        me."passwordChangedAt"
      FROM (SELECT 1) AS one LEFT JOIN "User" me ON me.id = ${user.id}::uuid`;
    // One row always comes back (FROM a single row); the guard only satisfies the type.
    const f = row ?? {
      organisations: 0,
      users: 0,
      lockedUsers: 0,
      faxNumbers: 0,
      assigned: 0,
      trunks: 0,
      passwordChangedAt: null,
    };
    return {
      counters: [
        { label: "Organisations", value: f.organisations },
        { label: "Active SIP trunks", value: f.trunks },
        { label: "Users (all organisations)", value: f.users },
        { label: "Fax numbers", value: f.faxNumbers },
        { label: "Fax numbers given to users", value: f.assigned },
        { label: "Locked users", value: f.lockedUsers },
      ],
      setup: null,
      numbers: null,
      recentFaxes: null,
      // Platform admins follow the platform's policy, where passwords do not expire.
      account: { passwordChangedAt: f.passwordChangedAt, passwordMaxAgeDays: null },
    };
  }

  const admin = user.role === "TENANT_ADMIN";
  const [[f], numbers, sent, received] = await Promise.all([
    db.$queryRaw<
      {
        users: number;
        otherPeople: number;
        lockedUsers: number;
        faxNumbers: number;
        assigned: number;
        hasLogo: boolean;
        retentionChosen: boolean;
        maxAgeDays: number | null;
        passwordChangedAt: Date | null;
      }[]
    >`SELECT
        (SELECT count(*) FROM "User" WHERE "tenantId" = t.id)::int AS users,
        (SELECT count(*) FROM "User" WHERE "tenantId" = t.id AND id <> ${user.id}::uuid)::int AS "otherPeople",
        (SELECT count(*) FROM "User" WHERE "tenantId" = t.id AND locked)::int AS "lockedUsers",
        (SELECT count(*) FROM "Did" WHERE "tenantId" = t.id)::int AS "faxNumbers",
        (SELECT count(*) FROM "Did" WHERE "tenantId" = t.id AND "userId" IS NOT NULL)::int AS assigned,
        t."logoMimeType" IS NOT NULL AS "hasLogo",
        t."retentionDays" IS NOT NULL AS "retentionChosen",
        (SELECT "maxAgeDays" FROM "SecurityPolicy" WHERE "tenantId" = t.id) AS "maxAgeDays",
        me."passwordChangedAt"
      FROM "Tenant" t LEFT JOIN "User" me ON me.id = ${user.id}::uuid
      WHERE t.id = ${user.tenantId}::uuid`,
    db.did.findMany({
      where: { userId: user.id },
      select: { id: true, number: true, title: true, forward: true, forwardEmail: true },
      orderBy: { number: "asc" },
    }),
    db.faxJob.findMany({
      where: { userId: user.id },
      select: { id: true, toNumber: true, submittedAt: true, status: true, pages: true },
      orderBy: { submittedAt: "desc" },
      take: RECENT,
    }),
    db.inboundFax.findMany({
      where: { did: { userId: user.id } },
      select: { id: true, fromNumber: true, startedAt: true, status: true, pages: true },
      orderBy: { startedAt: "desc" },
      take: RECENT,
    }),
  ]);
  const recentFaxes: DashboardFax[] = [
    ...sent.map((s) => ({
      id: s.id,
      direction: "sent" as const,
      number: s.toNumber,
      at: s.submittedAt,
      status: s.status,
      pages: s.pages,
    })),
    ...received.map((r) => ({
      id: r.id,
      direction: "received" as const,
      number: r.fromNumber,
      at: r.startedAt,
      status: r.status,
      pages: r.pages,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, RECENT);
  return {
    counters: admin
      ? [
          { label: "Users", value: f?.users ?? 0 },
          { label: "Fax numbers", value: f?.faxNumbers ?? 0 },
          { label: "Fax numbers given to users", value: f?.assigned ?? 0 },
          { label: "Locked users", value: f?.lockedUsers ?? 0 },
        ]
      : null,
    setup: admin
      ? {
          hasLogo: f?.hasLogo ?? false,
          retentionChosen: f?.retentionChosen ?? false,
          otherPeople: f?.otherPeople ?? 0,
          faxNumbers: f?.faxNumbers ?? 0,
        }
      : null,
    numbers,
    recentFaxes,
    account: {
      passwordChangedAt: f?.passwordChangedAt ?? null,
      passwordMaxAgeDays: f?.maxAgeDays ?? null,
    },
  };
}
