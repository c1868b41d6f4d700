/** @type {import('next').NextConfig} */
export const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A folder that runs on its own (node server.mjs in .next/standalone, after scripts/standalone.mjs
  // copies the static files in): what the Dockerfile ships. Traced from this folder, never a parent's.
  output: "standalone",
  outputFileTracingRoot: import.meta.dirname,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  // forbidden() from a page's session check renders app/forbidden.tsx with status 403.
  experimental: { authInterrupts: true },
  // On every response; the Content-Security-Policy (with its per-request nonce) comes from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
