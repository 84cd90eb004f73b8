"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

/**
 * What a page shows when it failed on the server or in the browser: plain words, a way to try
 * again and a way back. Rendered inside its section's layout, so it keeps the site's brand.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card role="alert">
      <CardContent className="grid gap-2">
        <h2 className="text-lg font-semibold">Something went wrong</h2>
        <p className="text-sm text-muted-foreground">
          This page could not be shown. Try again; if it keeps happening, tell your administrator
          {error.digest ? ` (reference ${error.digest})` : ""}.
        </p>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Button type="button" onClick={reset}>
            Try again
          </Button>
          <Link href="/dashboard" className="text-primary hover:underline">
            Go to the dashboard
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}
