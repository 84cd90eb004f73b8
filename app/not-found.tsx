import type { Metadata } from "next";
import Link from "next/link";
import { BrandFrame } from "@/components/shell/brand-frame";
import { Card, CardContent } from "@/components/ui/card";
import { currentBrand } from "@/server/tenant/current-brand";

export const metadata: Metadata = { title: "Page not found" };

/** Any address the portal does not have, in the brand of the domain it was asked on. */
export default async function NotFound() {
  const brand = await currentBrand();
  return (
    <BrandFrame brand={brand}>
      <Card>
        <CardContent className="grid gap-2">
          <h2 className="text-lg font-semibold">Page not found</h2>
          <p className="text-sm text-muted-foreground">
            There is no page at this address. Check the link, or start again from the dashboard.
          </p>
          <p className="text-sm">
            <Link href="/dashboard" className="text-primary hover:underline">
              Go to the dashboard
            </Link>
          </p>
        </CardContent>
      </Card>
    </BrandFrame>
  );
}
