# The console as a container image: built from this repository, run as the standalone folder
# (node server.mjs in .next/standalone), as a user without privileges, data on a volume.
#   docker build -t chuanbo-console .
#   docker run -p 3000:3000 -v chuanbo-data:/app/data chuanbo-console        # on the simulator
# See README, "Running it in production".

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# better-sqlite3 is a native addon: its prebuilt binary usually fits, the toolchain is for when not.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# next build, scripts/compile-hints.mjs, then scripts/standalone.mjs completes .next/standalone and
# checks the addon is in it.
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
RUN groupadd --system --gid 10001 console \
  && useradd --system --uid 10001 --gid console --home-dir /app --shell /usr/sbin/nologin console
# Only the standalone folder: the server, its traced node_modules (the addon included), the
# browser's files, the migrations. Owned by root, so the console cannot change its own code.
COPY --from=build /app/.next/standalone ./
# What the console writes: its database (data/, the volume) and Next's cache.
RUN mkdir -p data .next/cache && chown console:console data .next/cache
USER console
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.mjs"]
