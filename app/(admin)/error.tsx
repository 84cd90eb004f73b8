"use client";
import { PageError } from "@/components/shell/page-error";

/** A failed page of this section, inside the section's branded frame. */
export default function SectionError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError {...props} />;
}
