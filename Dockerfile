# foi-intake: a small production image. Build: docker build -t foi-intake .
# Run migrations as their own step (`docker run … foi-intake migrate`), then the daemon.

FROM node:20.20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so the layer is reused while only the source changes.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
# The build trains the shipped analysis models from the corpus once, so the image need not at each start.
COPY fixtures/training ./fixtures/training
RUN npm run build

FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:20.20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production FOI_DATA_DIR=/data FOI_HEALTH_PORT=9464
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY drizzle ./drizzle
COPY prompts ./prompts
COPY views ./views
# The team's topic-training corpus: the model every installation starts from.
COPY fixtures/training ./fixtures/training
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# 9464: the daemon's /healthz and /metrics; 8080: the console (`web`, or `run` with FOI_WEB_PORT set).
EXPOSE 9464 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.FOI_HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM so the daemon finishes the message in hand and exits 0.
ENTRYPOINT ["/usr/bin/tini", "--", "node", "dist/src/main.js"]
CMD ["run"]
