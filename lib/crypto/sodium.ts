/**
 * Loads libsodium (sumo build: the plain build has no crypto_pwhash) once, lazily, the same way in the
 * browser and in Node, so nothing pulls the WASM into a bundle that never encrypts.
 */
export type Sodium = typeof import("libsodium-wrappers-sumo").default;

let loading: Promise<Sodium> | undefined;

export function loadSodium(): Promise<Sodium> {
  loading ??= (async () => {
    const mod = await import("libsodium-wrappers-sumo");
    const sodium = mod.default;
    await sodium.ready;
    return sodium;
  })();
  return loading;
}
