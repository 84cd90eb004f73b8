import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsFor } from "@/lib/roles";
import { requireUser } from "@/server/auth/guards";

/** Settings → Branding, Retention, Security policy: one area with its own sub-navigation. */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items = settingsFor(user.role);
  return (
    <>
      {items.length > 0 ? <SettingsNav items={items} /> : null}
      {children}
    </>
  );
}
