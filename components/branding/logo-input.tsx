"use client";
/**
 * Picks a logo file and checks it in the browser with the same pure check the server runs, so a
 * refusal shows at once with the same words and nothing is uploaded.
 */
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { checkLogo } from "@/lib/branding/check-logo";
import { LOGO_MAX_BYTES, LOGO_MIME_TYPES, LOGO_TOO_LARGE } from "@/lib/schemas/branding";

export interface PendingLogo {
  mimeType: string;
  data: string; // base64, as branding.uploadLogo takes it
  dataUrl: string; // for the preview
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function LogoInput({
  error,
  onPick,
  onError,
}: {
  error: string | null;
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
    onPick({ mimeType: check.mimeType, data, dataUrl: `data:${check.mimeType};base64,${data}` });
  }
  return (
    <Field
      label="Logo"
      htmlFor="b-logo"
      error={error}
      hint="PNG, JPEG, GIF, WebP or SVG, up to 256 KB. Shown in the header and on the sign-in page."
    >
      <Input
        id="b-logo"
        type="file"
        accept={LOGO_MIME_TYPES.join(",")}
        onChange={(e) => void pick(e)}
        aria-invalid={!!error}
        className="h-auto py-1.5"
      />
    </Field>
  );
}
