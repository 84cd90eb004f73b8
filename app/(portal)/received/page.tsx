import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Received faxes" };

export default function Page() {
  return (
    <NotAvailable title="Received faxes" what="Incoming faxes to your numbers arrive with the inbound fax release." />
  );
}
