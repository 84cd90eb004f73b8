import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { HydrationMarker } from "@/components/providers/hydration-marker";
import { TRPCProvider } from "@/components/providers/trpc";
import { currentBrand } from "@/server/tenant/current-brand";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const brand = await currentBrand();
  return {
    title: { default: brand.title, template: `%s · ${brand.title}` },
    description: `${brand.name} web fax portal`,
    icons: { icon: "/favicon.svg" },
  };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans antialiased">
        <TRPCProvider>{children}</TRPCProvider>
        <HydrationMarker />
      </body>
    </html>
  );
}
