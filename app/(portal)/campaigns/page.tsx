import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Campaigns" };

export default function Page() {
  return (
    <NotAvailable title="Campaigns" what="Bulk fax campaigns paced at calls per minute arrive in a later release." />
  );
}
