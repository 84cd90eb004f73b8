import type { Metadata } from "next";
import { cookies } from "next/headers";
import { AccountCard } from "@/components/dashboard/account-card";
import { CounterTiles } from "@/components/dashboard/counter-tiles";
import { MyNumbersCard } from "@/components/dashboard/my-numbers-card";
import { RecentFaxesCard } from "@/components/dashboard/recent-faxes-card";
import { RecoveryCodeCard } from "@/components/dashboard/recovery-code-card";
import { SetupChecklistCard } from "@/components/dashboard/setup-checklist-card";
import { WaitingForAccessNotice } from "@/components/dashboard/waiting-for-access-notice";
import { PageHeader } from "@/components/shell/page-header";
import { setupChecklist } from "@/lib/dashboard/setup-checklist";
import { ROLE_LABELS } from "@/lib/roles";
import { requireUser } from "@/server/auth/guards";
import { SETUP_HIDDEN_COOKIE } from "@/server/dashboard/setup-hidden-cookie";
import { serverTrpc } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

const DESCRIPTIONS = {
  PLATFORM_ADMIN: "The whole portal at a glance.",
  TENANT_ADMIN: "Your organisation and your own fax numbers at a glance.",
  USER: "Your fax numbers, recent faxes and account.",
} as const;

/** The first screen after sign-in, about the person and their role (see server/dashboard/get-dashboard.ts). */
export default async function DashboardPage() {
  const [me, api, jar] = await Promise.all([requireUser(), serverTrpc(), cookies()]);
  const d = await api.dashboard.overview();
  const isTenantAdmin = me.role === "TENANT_ADMIN";
  const [keys, waiting] = isTenantAdmin
    ? await Promise.all([api.tenantKeys.state(), api.tenantKeys.waiting()])
    : [null, []];
  const name = me.firstName || me.username;
  const checklist = d.setup ? setupChecklist(d.setup) : null;
  const account = (
    <AccountCard
      who={name === me.username ? me.username : `${name} (${me.username})`}
      email={me.email}
      role={ROLE_LABELS[me.role]}
      passwordChangedAt={d.account.passwordChangedAt}
      passwordMaxAgeDays={d.account.passwordMaxAgeDays}
      now={new Date()}
    />
  );
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome, ${name}. ${DESCRIPTIONS[me.role]}`} />
      <WaitingForAccessNotice
        people={waiting.map((p) => ({
          id: p.id,
          name: `${p.firstName} ${p.lastName}`.trim() ? `${p.firstName} ${p.lastName}`.trim() : p.username,
        }))}
      />
      {checklist ? (
        <SetupChecklistCard checklist={checklist} hidden={jar.get(SETUP_HIDDEN_COOKIE)?.value === "1"} />
      ) : null}
      {d.counters ? (
        <CounterTiles title={me.role === "PLATFORM_ADMIN" ? "Portal" : "Your organisation"} counters={d.counters} />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {d.numbers ? <MyNumbersCard numbers={d.numbers} isAdmin={me.role === "TENANT_ADMIN"} /> : null}
        {d.recentFaxes ? <RecentFaxesCard faxes={d.recentFaxes} /> : null}
        {account}
        {keys?.mySealedKey ? <RecoveryCodeCard madeAt={keys.recoveryCodeMadeAt} /> : null}
      </div>
    </>
  );
}
