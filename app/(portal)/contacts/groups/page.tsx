import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Groups" };

export default function Page() {
  return <NotAvailable title="Groups" what="Contact groups with CSV upload arrive in a later release." />;
}
