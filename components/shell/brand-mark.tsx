import type { Brand } from "@/server/tenant/current-brand";

/** The tenant's logo, or its initials when it has none. */
export function BrandMark({ brand, size = 36 }: { brand: Brand; size?: number }) {
  if (brand.logoUrl) {
    return <img src={brand.logoUrl} alt={`${brand.name} logo`} height={size} style={{ height: size, width: "auto" }} />;
  }
  const initials = brand.name
    .split(/\s+/)
    .map((w) => w[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <span
      aria-hidden
      className="inline-flex items-center justify-center rounded-md bg-primary font-semibold text-primary-foreground"
      style={{ height: size, width: size, fontSize: size / 2.6 }}
    >
      {initials}
    </span>
  );
}
