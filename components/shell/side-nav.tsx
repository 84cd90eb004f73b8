"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "@/lib/roles";

/** The role's navigation; `onNavigate` runs when a link is followed (the phone drawer closes then). */
export function SideNav({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const active = (href: string) => pathname === href || (href !== "/admin" && pathname.startsWith(`${href}/`));
  return (
    <nav aria-label="Main" className="grid gap-1 text-sm">
      {items.map((item) =>
        item.children?.length ? (
          <div key={item.href} className="mt-2">
            <div className="px-2 py-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
              {item.label}
            </div>
            <div className="grid gap-0.5">
              {item.children.map((child) => (
                <Link
                  key={child.href}
                  href={child.href}
                  onClick={onNavigate}
                  className={cn(
                    "rounded-md px-3 py-1.5 hover:bg-muted",
                    pathname === child.href && "bg-accent font-medium text-primary",
                  )}
                >
                  {child.label}
                </Link>
              ))}
            </div>
          </div>
        ) : (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            className={cn(
              "rounded-md px-2 py-1.5 hover:bg-muted",
              active(item.href) && "bg-accent font-medium text-primary",
            )}
          >
            {item.label}
          </Link>
        ),
      )}
    </nav>
  );
}
