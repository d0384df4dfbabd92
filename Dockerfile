# One image for every service; the command names which one runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY platform/package.json platform/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/tenancy/package.json subgraphs/tenancy/
COPY subgraphs/collectors/package.json subgraphs/collectors/
COPY subgraphs/metrics/package.json subgraphs/metrics/
COPY subgraphs/reports/package.json subgraphs/reports/
COPY subgraphs/alerts/package.json subgraphs/alerts/
COPY reports/package.json reports/
COPY agent/package.json agent/
COPY sdk/package.json sdk/
COPY gateway/package.json gateway/
COPY internal/testenv/package.json internal/testenv/
COPY launcher/package.json launcher/
COPY dashboard/package.json dashboard/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
ENTRYPOINT ["node", "launcher/dist/startService.js"]
