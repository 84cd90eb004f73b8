import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Contacts" };

export default function Page() {
  return (
    <NotAvailable title="Contacts" what="Contacts with names, numbers and custom data arrive in a later release." />
  );
}
