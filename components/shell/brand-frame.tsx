import type { Brand } from "@/server/tenant/current-brand";
import { BrandMark } from "./brand-mark";

/**
 * The frame of every page outside the portal's shell — sign-in, forgot and reset password, a missing
 * page: the site's logo, name and title above a centred column, its footer below. On an
 * organisation's domain that is always the organisation's brand, never the provider's.
 */
export function BrandFrame({ brand, children }: { brand: Brand; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <main className="flex flex-1 items-center justify-center p-6">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center gap-3 text-center">
            <BrandMark brand={brand} size={48} />
            <h1 className="text-xl font-semibold" data-testid="brand-name">
              {brand.name}
            </h1>
            <p className="text-sm text-muted-foreground">{brand.title}</p>
          </div>
          {children}
        </div>
      </main>
      <footer className="p-4 text-center text-xs text-muted-foreground" data-testid="brand-footer">
        {brand.footer}
      </footer>
    </div>
  );
}
