/**
 * Advice on a logo's shape and size before it is saved. The header gives the logo a box 32 px
 * tall and up to four times as wide (components/shell/brand-mark.tsx), so a tall logo shows only
 * a few pixels wide and a small one looks blurred on sharp screens. Advice, never a refusal.
 */
export const LOGO_RECOMMENDED = { width: 320, height: 80 };
const HEADER_HEIGHT = 32;

export function logoAdvice(size: { width: number; height: number }, mimeType: string): string | null {
  const { width, height } = size;
  if (height > width) {
    const shown = Math.max(1, Math.round((HEADER_HEIGHT * width) / height));
    return (
      `This logo is ${width}×${height} px, taller than wide: in the header it shows only about ${shown} px wide. ` +
      `A wide logo (at least ${LOGO_RECOMMENDED.width}×${LOGO_RECOMMENDED.height} px) reads best.`
    );
  }
  // An SVG is drawn sharp at any size; only bitmaps can be too small.
  if (mimeType !== "image/svg+xml" && (width < LOGO_RECOMMENDED.width / 2 || height < HEADER_HEIGHT * 2)) {
    return (
      `This logo is only ${width}×${height} px and may look blurred on sharp screens. ` +
      `Use at least ${LOGO_RECOMMENDED.width}×${LOGO_RECOMMENDED.height} px, or an SVG.`
    );
  }
  return null;
}
