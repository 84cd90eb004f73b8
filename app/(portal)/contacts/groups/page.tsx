import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Contact groups" };

export default function Page() {
  return <NotAvailable title="Contact groups" what="Contact groups with CSV upload arrive in a later release." />;
}
