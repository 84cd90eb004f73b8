import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Reports" };

export default function Page() {
  return <NotAvailable title="Reports" what="CDR reports and exports arrive with the reports release." />;
}
