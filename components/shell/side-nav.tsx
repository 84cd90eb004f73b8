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
                <NavLink
                  key={child.href}
                  item={child}
                  current={pathname === child.href}
                  onNavigate={onNavigate}
                  className="px-3"
                />
              ))}
            </div>
          </div>
        ) : (
          <NavLink key={item.href} item={item} current={active(item.href)} onNavigate={onNavigate} className="px-2" />
        ),
      )}
    </nav>
  );
}

/**
 * One link. A section not released yet is greyed with a "Soon" badge; the badge is part of the
 * link's name ("Reports Soon"), so what is seen is what is heard and what speech input can say
 * (WCAG 2.5.3 Label in Name). It still opens, to a page that says what is coming.
 */
function NavLink({
  item,
  current,
  onNavigate,
  className,
}: {
  item: NavItem;
  current: boolean;
  onNavigate?: () => void;
  className: string;
}) {
  return (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={current ? "page" : undefined}
      data-soon={item.soon ? "" : undefined}
      className={cn(
        "flex items-center justify-between gap-2 rounded-md py-1.5 hover:bg-muted",
        className,
        item.soon && "text-muted-foreground",
        current && "bg-accent font-medium text-primary",
      )}
    >
      <span>{item.label}</span>
      {item.soon ? (
        <span className="rounded-full border border-dashed px-1.5 text-[0.625rem] font-medium uppercase leading-4 tracking-wide">
          Soon
        </span>
      ) : null}
    </Link>
  );
}
