import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Documents" };

export default function Page() {
  return (
    <NotAvailable
      title="Documents"
      what="Encrypted fax documents (standard, fine, super fine) arrive with the zero-knowledge documents release."
    />
  );
}
