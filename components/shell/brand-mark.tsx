import type { Brand } from "@/server/tenant/current-brand";

/** A logo is at most this many times as wide as it is tall in the header (a 320×80 logo fits). */
export const LOGO_MAX_RATIO = 4;

/**
 * The tenant's logo, or its initials when it has none. The logo sits in a box `size` tall, at
 * least as wide as tall and at most LOGO_MAX_RATIO times as wide, scaled to fit without cropping:
 * a wide logo cannot push the organisation's name out of the header, and a tall one keeps a
 * square place (centred) instead of shrinking to a few pixels of header.
 */
export function BrandMark({ brand, size = 36 }: { brand: Brand; size?: number }) {
  if (brand.logoUrl) {
    return (
      <span
        className="inline-flex shrink-0 items-center justify-center"
        style={{ height: size, minWidth: size, maxWidth: size * LOGO_MAX_RATIO }}
        data-testid="brand-logo"
      >
        <img
          src={brand.logoUrl}
          alt={`${brand.name} logo`}
          className="block object-contain"
          style={{ maxHeight: size, maxWidth: size * LOGO_MAX_RATIO, height: size, width: "auto" }}
        />
      </span>
    );
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
      className="inline-flex shrink-0 items-center justify-center rounded-md bg-primary font-semibold text-primary-foreground"
      style={{ height: size, width: size, fontSize: size / 2.6 }}
    >
      {initials}
    </span>
  );
}
