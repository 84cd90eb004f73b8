"use client";
/**
 * "acme.example.com is taken" under the domain field while typing, before Save: the typed list is
 * checked a moment after the last key press (the save checks again).
 */
import { useEffect, useState } from "react";
import { trpc } from "@/components/providers/trpc";

const DEBOUNCE_MS = 400;

export const splitDomains = (value: string) => value.split(/[\s,;]+/).filter(Boolean);

export function useDomainCheck(value: string, opts: { tenantId?: string; initial: string }): string | null {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  const hostnames = splitDomains(settled).slice(0, 10);
  const check = trpc.branding.domainAvailable.useQuery(
    { tenantId: opts.tenantId, hostnames },
    // Nothing to ask about the saved list, or while the person is still typing.
    { enabled: hostnames.length > 0 && settled !== opts.initial && settled === value, staleTime: 30_000 },
  );
  if (settled !== value || settled === opts.initial) return null;
  return check.data?.problem ?? null;
}
