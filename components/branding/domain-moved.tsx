"use client";
/**
 * After a domain change is proven, the address this page is on no longer serves the portal: say
 * where it moved and go there (its sign-in page; sessions belong to the address they were made on).
 */
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { addressOn } from "@/lib/branding/domain-change";

const DELAY_MS = 3_000;

export function DomainMoved({ hostname }: { hostname: string }) {
  const url = addressOn(hostname, "/login", window.location);
  useEffect(() => {
    const timer = setTimeout(() => window.location.assign(url), DELAY_MS);
    return () => clearTimeout(timer);
  }, [url]);
  return (
    <Alert variant="success" className="mb-4">
      <p>
        {hostname} is verified: the portal now lives there and everyone's links use it. This address no longer works.
        Taking you to the new address, where you sign in again…
      </p>
      <a href={url} className={buttonVariants({ size: "sm", className: "mt-2" })}>
        Go to new address
      </a>
    </Alert>
  );
}
