import { BrandMark } from "@/components/shell/brand-mark";
import { currentBrand } from "@/server/tenant/current-brand";

/** Sign-in pages: centred card with the site's brand and footer. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const brand = await currentBrand();
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
          {brand.kind === "unknown" ? (
            <p role="alert" className="text-center text-sm text-destructive">
              This address is not set up for any organisation. Check the link you were given.
            </p>
          ) : (
            children
          )}
        </div>
      </main>
      <footer className="p-4 text-center text-xs text-muted-foreground" data-testid="brand-footer">
        {brand.footer}
      </footer>
    </div>
  );
}
