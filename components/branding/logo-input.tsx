"use client";
/**
 * Picks a logo file and checks it in the browser with the same pure check the server runs, so a
 * refusal shows at once with the same words and nothing is uploaded.
 */
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { checkLogo } from "@/lib/branding/check-logo";
import { logoAdvice } from "@/lib/branding/logo-advice";
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES, LOGO_TOO_LARGE } from "@/lib/schemas/branding";

const LOGO_GUIDANCE =
  "Best: a wide logo, at least 320×80 px, PNG or SVG, under 256 KB (JPEG, GIF and WebP work too). " +
  "It is shown 32 px tall in the header and 48 px on the sign-in page; see the preview.";

export interface PendingLogo {
  mimeType: string;
  data: string; // base64, as branding.uploadLogo takes it
  dataUrl: string; // for the preview
  /** How it will look, when it will look poor (too tall, too small); null when fine. */
  advice: string | null;
}

/** The picture's own size in pixels (an SVG's from its viewBox or width/height), or null. */
function naturalSize(dataUrl: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () =>
      resolve(img.naturalWidth && img.naturalHeight ? { width: img.naturalWidth, height: img.naturalHeight } : null);
    img.onerror = () => resolve(null);
    img.src = dataUrl;
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function LogoInput({
  error,
  advice,
  onPick,
  onError,
}: {
  error: string | null;
  advice?: string | null;
  onPick: (logo: PendingLogo) => void;
  onError: (message: string) => void;
}) {
  async function pick(e: React.ChangeEvent<HTMLInputElement>) {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    const refuse = (message: string) => {
      input.value = "";
      onError(message);
    };
    // Size first, before reading a possibly huge file into memory.
    if (file.size > LOGO_MAX_BYTES) return refuse(LOGO_TOO_LARGE);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkLogo(bytes, file.type);
    if (!check.ok) return refuse(check.message);
    const data = toBase64(check.bytes); // an SVG as rebuilt from its drawing parts
    const dataUrl = `data:${check.mimeType};base64,${data}`;
    const size = await naturalSize(dataUrl);
    onPick({ mimeType: check.mimeType, data, dataUrl, advice: size ? logoAdvice(size, check.mimeType) : null });
  }
  return (
    <Field label="Logo" htmlFor="b-logo" error={error} hint={LOGO_GUIDANCE}>
      <Input
        id="b-logo"
        type="file"
        accept={LOGO_MIME_TYPES.join(",")}
        onChange={(e) => void pick(e)}
        aria-invalid={!!error}
        className="h-auto py-1.5"
        aria-describedby={advice ? "b-logo-advice" : undefined}
      />
      {advice && !error ? (
        <p id="b-logo-advice" className="text-xs text-amber-800" data-testid="logo-advice">
          {advice}
        </p>
      ) : null}
    </Field>
  );
}
