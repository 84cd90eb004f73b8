import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Received Faxes" };

export default function Page() {
  return (
    <NotAvailable title="Received Faxes" what="Incoming faxes to your numbers arrive with the inbound fax release." />
  );
}
