"use client";
/**
 * The settings area's own sub-navigation (Branding, Retention, Security policy): tabs above each
 * settings page, on phones too, where the main navigation sits behind the Menu button. Tabs that do
 * not fit one row wrap onto the next (a row scrolling sideways hid the last tabs on a phone, with
 * nothing to say they were there).
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "@/lib/roles";

export function SettingsNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 border-b">
      <ul className="-mb-px flex flex-wrap gap-x-1 text-sm">
        {items.map((item) => {
          const current = pathname === item.href;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 border-transparent px-3 py-2 text-muted-foreground hover:text-foreground",
                  current && "border-primary font-medium text-primary",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
