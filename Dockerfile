# LaySum: one image for `serve` and `worker` (see compose.yaml and docs/operations.md).
# Build: docker build -t laysum .   Run: docker run --env-file .env laysum serve
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Production packages only; the build (esbuild) is one of them. Scripts run after the sources are in.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
COPY workers ./workers
COPY prompts ./prompts
COPY samples ./samples
RUN node scripts/build.mjs

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# The image's own user (uid 1000), never root.
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM: serve answers /readyz 503 for a grace period, then closes; workers finish their jobs.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/laysum.js"]
CMD ["serve"]
