import { KeyAutoUnlock } from "@/components/keys/key-unlock";
import { BrandMark } from "@/components/shell/brand-mark";
import { TimeZoneProvider } from "@/components/ui/date-time";
import { currentHost, requireUser } from "@/server/auth/guards";
import { currentBrand } from "@/server/tenant/current-brand";

/**
 * A step a person must finish before the portal (the organisation's recovery code): the brand above
 * one column, no navigation to wander off by. Printing shows the step's sheet only.
 */
export default async function SetupLayout({ children }: { children: React.ReactNode }) {
  const [, host, brand] = await Promise.all([requireUser(), currentHost(), currentBrand()]);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center gap-3 border-b bg-card px-4 print:hidden">
        <BrandMark brand={brand} size={32} />
        <span className="font-semibold" data-testid="brand-name">
          {brand.name}
        </span>
      </header>
      <main className="mx-auto w-full max-w-2xl flex-1 p-4 md:p-6">
        {/* Right after sign-in (a welcome link), the keys open with what the sign-in derived. */}
        <KeyAutoUnlock />
        <TimeZoneProvider timeZone={host.kind === "tenant" ? host.tenant.timeZone : "UTC"}>{children}</TimeZoneProvider>
      </main>
      <footer className="border-t bg-card p-3 text-center text-xs text-muted-foreground print:hidden">
        {brand.footer}
      </footer>
    </div>
  );
}
