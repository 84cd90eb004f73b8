import type { Metadata } from "next";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Send fax" };

export default function Page() {
  return (
    <NotAvailable
      title="Send fax"
      what="Sending faxes from the web (document, destination, caller ID, retries) arrives with the fax gateway release."
    />
  );
}
