import type { Metadata } from "next";
import { WelcomeForm } from "./welcome-form";

export const metadata: Metadata = { title: "Welcome" };

/** Where a welcome email's link lands: greets the person, they choose a password and are signed in. */
export default async function WelcomePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return <WelcomeForm token={token ?? ""} />;
}
