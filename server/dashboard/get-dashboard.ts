/**
 * What the dashboard shows, by role, in one plain-SQL statement (`ctx.sql`; row-level security
 * narrows every count to the caller's scope): the figures, the caller's fax numbers and recent faxes.
 * - platform admin: platform counters;
 * - organisation admin: the first-run checklist's facts, organisation counters, their own numbers;
 * - user: their own numbers, recent faxes and account — no organisation counters.
 */

import type { SetupFacts } from "@/lib/dashboard/setup-checklist";
import type { FaxJobStatusFacts } from "@/lib/fax-job-status";
import type { RoleName } from "@/lib/roles";
import type { Sql } from "../db/scope";

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
  /** A sent fax's facts for its status words (lib/fax-job-status.ts). */
  job?: FaxJobStatusFacts;
}

export interface Dashboard {
  counters: DashboardCounter[] | null;
  setup: SetupFacts | null;
  numbers: DashboardNumber[] | null;
  recentFaxes: DashboardFax[] | null;
  account: { passwordChangedAt: Date | null; passwordMaxAgeDays: number | null };
}

const RECENT = 5;

/** json_build_object turns `timestamp(3)` (UTC, no zone) into text without a zone: read it as UTC. */
const utc = (text: string) => new Date(`${text}Z`);

type JsonFax = { id: string; number: string; at: string; status: string; pages: number | null };
/** A sent fax's call facts, so the card says its state in the words of every other page. */
type JsonSentFax = JsonFax & {
  callState: string | null;
  currentPage: number | null;
  failureReason: string | null;
  attemptsMade: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  cancelRequestedAt: string | null;
};

export async function getDashboard(opts: {
  sql: Sql;
  user: { id: string; tenantId: string | null; role: RoleName };
}): Promise<Dashboard> {
  const { sql, user } = opts;
  if (user.role === "PLATFORM_ADMIN" || !user.tenantId) {
    const [row] = await sql<{
      organisations: number;
      users: number;
      lockedUsers: number;
      faxNumbers: number;
      assigned: number;
      trunks: number;
      passwordChangedAt: Date | null;
    }>(
      `SELECT
        (SELECT count(*) FROM "Tenant")::int AS organisations,
        (SELECT count(*) FROM "User")::int AS users,
        (SELECT count(*) FROM "User" WHERE locked)::int AS "lockedUsers",
        (SELECT count(*) FROM "Did")::int AS "faxNumbers",
        (SELECT count(*) FROM "Did" WHERE "userId" IS NOT NULL)::int AS assigned,
        (SELECT count(*) FROM "Trunk" WHERE active)::int AS trunks,
        me."passwordChangedAt"
      FROM (SELECT 1) AS one LEFT JOIN "User" me ON me.id = $1::uuid`,
      [user.id],
    );
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
  const [f] = await sql<{
    users: number;
    otherPeople: number;
    lockedUsers: number;
    faxNumbers: number;
    assigned: number;
    hasLogo: boolean;
    retentionChosen: boolean;
    maxAgeDays: number | null;
    passwordChangedAt: Date | null;
    numbers: DashboardNumber[];
    sent: JsonSentFax[];
    received: JsonFax[];
  }>(
    `SELECT
        (SELECT count(*) FROM "User" WHERE "tenantId" = t.id)::int AS users,
        (SELECT count(*) FROM "User" WHERE "tenantId" = t.id AND id <> $1::uuid)::int AS "otherPeople",
        (SELECT count(*) FROM "User" WHERE "tenantId" = t.id AND locked)::int AS "lockedUsers",
        (SELECT count(*) FROM "Did" WHERE "tenantId" = t.id)::int AS "faxNumbers",
        (SELECT count(*) FROM "Did" WHERE "tenantId" = t.id AND "userId" IS NOT NULL)::int AS assigned,
        t."logoMimeType" IS NOT NULL AS "hasLogo",
        t."retentionDays" IS NOT NULL AS "retentionChosen",
        (SELECT "maxAgeDays" FROM "SecurityPolicy" WHERE "tenantId" = t.id) AS "maxAgeDays",
        me."passwordChangedAt",
        (SELECT coalesce(json_agg(json_build_object('id', d.id, 'number', d.number, 'title', d.title,
            'forward', d.forward, 'forwardEmail', d."forwardEmail") ORDER BY d.number), '[]')
          FROM "Did" d WHERE d."userId" = $1::uuid) AS numbers,
        (SELECT coalesce(json_agg(json_build_object('id', j.id, 'number', j."toNumber", 'at', j."submittedAt",
            'status', j.status, 'pages', j.pages, 'callState', j."callState", 'currentPage', j."currentPage",
            'failureReason', j."failureReason", 'attemptsMade', j."attemptsMade", 'maxAttempts', j."maxRetries" + 1,
            'nextAttemptAt', j."nextAttemptAt", 'cancelRequestedAt', j."cancelRequestedAt")), '[]')
          FROM (SELECT * FROM "FaxJob" WHERE "userId" = $1::uuid ORDER BY "submittedAt" DESC LIMIT ${RECENT}) j) AS sent,
        (SELECT coalesce(json_agg(json_build_object('id', i.id, 'number', i."fromNumber", 'at', i."startedAt",
            'status', i.status, 'pages', i.pages)), '[]')
          FROM (SELECT x.* FROM "InboundFax" x JOIN "Did" d ON d.id = x."didId"
                WHERE d."userId" = $1::uuid ORDER BY x."startedAt" DESC LIMIT ${RECENT}) i) AS received
      FROM "Tenant" t LEFT JOIN "User" me ON me.id = $1::uuid
      WHERE t.id = $2::uuid`,
    [user.id, user.tenantId],
  );
  const recentFaxes: DashboardFax[] = [
    ...(f?.sent ?? []).map((sent) => {
      const {
        callState,
        currentPage,
        failureReason,
        attemptsMade,
        maxAttempts,
        nextAttemptAt,
        cancelRequestedAt,
        ...s
      } = sent;
      return {
        ...s,
        direction: "sent" as const,
        at: utc(s.at),
        job: {
          status: s.status as FaxJobStatusFacts["status"],
          pages: s.pages,
          callState,
          currentPage,
          failureReason,
          attemptsMade,
          maxAttempts,
          nextAttemptAt: nextAttemptAt ? utc(nextAttemptAt) : null,
          cancelRequestedAt: cancelRequestedAt ? utc(cancelRequestedAt) : null,
        },
      };
    }),
    ...(f?.received ?? []).map((r) => ({ ...r, direction: "received" as const, at: utc(r.at) })),
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
    numbers: f?.numbers ?? [],
    recentFaxes,
    account: {
      passwordChangedAt: f?.passwordChangedAt ?? null,
      passwordMaxAgeDays: f?.maxAgeDays ?? null,
    },
  };
}
