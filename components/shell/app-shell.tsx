import Link from "next/link";
import { redirect } from "next/navigation";
import { KeyAutoUnlock } from "@/components/keys/key-unlock";
import { TenantKeyPanel } from "@/components/keys/tenant-key-panel";
import { navigationFor, ROLE_LABELS } from "@/lib/roles";
import type { SessionUser } from "@/server/auth/sessions";
import { currentBrand } from "@/server/tenant/current-brand";
import { serverTrpc } from "@/server/trpc/server-caller";
import { BrandMark } from "./brand-mark";
import { MobileNav } from "./mobile-nav";
import { SideNav } from "./side-nav";
import { SignOutButton } from "./sign-out-button";

/**
 * The branded frame of every signed-in page: header, navigation for the role, footer. From 768 px
 * the navigation is a sidebar; below, it sits behind the header's Menu button with the account links.
 */
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  // The organisation's recovery code comes first: made, saved and confirmed on a step of its own.
  if (user.role === "TENANT_ADMIN" && (await (await serverTrpc()).tenantKeys.state()).recoveryStepDue) {
    redirect("/setup/recovery-code");
  }
  const brand = await currentBrand();
  const items = navigationFor(user.role);
  const who = `${user.username} · ${ROLE_LABELS[user.role]}`;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center justify-between gap-3 border-b bg-card px-4">
        <Link href="/dashboard" className="flex min-w-0 items-center gap-3">
          <BrandMark brand={brand} size={32} />
          {/* Two lines rather than a cut-off name when a logo and a long name share a phone's header. */}
          <span
            className="line-clamp-2 break-words font-semibold leading-tight"
            data-testid="brand-name"
            title={brand.name}
          >
            {brand.name}
          </span>
        </Link>
        <div className="hidden items-center gap-4 text-sm md:flex">
          <AccountLinks who={who} testId="current-user" />
        </div>
        <MobileNav items={items}>
          <AccountLinks who={who} />
        </MobileNav>
      </header>
      <div className="flex flex-1">
        <aside className="hidden w-56 shrink-0 border-r bg-card p-3 md:block">
          <SideNav items={items} />
        </aside>
        <main className="min-w-0 flex-1 p-4 md:p-6">
          <KeyAutoUnlock />
          {user.tenantId ? <TenantKeyPanel isTenantAdmin={user.role === "TENANT_ADMIN"} /> : null}
          {children}
        </main>
      </div>
      <footer className="border-t bg-card p-3 text-center text-xs text-muted-foreground" data-testid="brand-footer">
        {brand.footer}
      </footer>
    </div>
  );
}

/** Who is signed in, Change password and Sign out: in the header on wide screens, in the menu on phones. */
function AccountLinks({ who, testId }: { who: string; testId?: string }) {
  return (
    <>
      <span className="text-muted-foreground" data-testid={testId}>
        {who}
      </span>
      <Link href="/change-password" className="text-primary hover:underline">
        Change password
      </Link>
      <SignOutButton />
    </>
  );
}
