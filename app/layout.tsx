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
    // The SVG for browsers that take one; /favicon.ico (the same drawing, 16–48 px) for the rest,
    // and for anything that asks for it by that name without reading the page.
    icons: {
      icon: [
        { url: "/favicon.svg", type: "image/svg+xml" },
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      ],
    },
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
