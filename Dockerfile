# One image for fieldpay in production: the api (which also serves the web app) and the worker, each a bundle run
# with plain `node`; compose.yaml runs it as migrate, api and worker. Written on a machine without a Docker engine,
# so never built there: the README says what was checked instead.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# pnpm 12.4.2 (package.json's packageManager) through the corepack that ships with Node, which needs integrity
# keys off for it (DESIGN.md); CI=1 makes the install --frozen-lockfile. install.mjs is the same helper `npm run
# dev` and `npm test` install with, so the build below finds the workspace installed and does not install again.
ENV CI=1 COREPACK_INTEGRITY_KEYS=0 COREPACK_ENABLE_DOWNLOAD_PROMPT=0 TURBO_TELEMETRY_DISABLED=1
# The manifests alone first: this layer is reused until a package.json or the lockfile changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/db/package.json packages/db/
COPY packages/payments/package.json packages/payments/
COPY packages/ui/package.json packages/ui/
COPY bench/package.json bench/
COPY scripts/lib/ scripts/lib/
RUN node --input-type=module -e "const { installWorkspace } = await import('./scripts/lib/install.mjs'); installWorkspace();"
COPY . .
# `npm run build`: apps/web/dist, apps/api/dist (main.mjs, migrate.mjs, the native argon2), apps/worker/dist.
RUN node scripts/build.mjs

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The bundles carry everything they need: no node_modules, no pnpm, no sources in this image.
COPY --from=build /src/apps/api/dist ./api
COPY --from=build /src/apps/worker/dist ./worker
COPY --from=build /src/apps/web/dist ./web
ENV WEB_DIST_DIR=/app/web API_PORT=3000 WORKER_PORT=3001
USER node
EXPOSE 3000 3001
# The api by default; compose.yaml runs the worker and the migrations from the same image.
CMD ["node", "--enable-source-maps", "api/main.mjs"]
