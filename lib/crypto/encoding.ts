/** Keys and sealed blobs travel and rest as base64url text (no padding); these are the only converters. */
import { loadSodium } from "./sodium";

export async function toBase64(bytes: Uint8Array): Promise<string> {
  const sodium = await loadSodium();
  return sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
}

export async function fromBase64(text: string): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
}
