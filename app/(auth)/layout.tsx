import { BrandFrame } from "@/components/shell/brand-frame";
import { currentBrand } from "@/server/tenant/current-brand";

/** Sign-in pages: centred card with the site's brand and footer. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const brand = await currentBrand();
  return (
    <BrandFrame brand={brand}>
      {brand.kind === "unknown" ? (
        <p role="alert" className="text-center text-sm text-destructive">
          This address is not set up for any organisation. Check the link you were given.
        </p>
      ) : (
        children
      )}
    </BrandFrame>
  );
}
