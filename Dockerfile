# Early Help Assistant: a small production image. Build: docker build -t early-help-assistant .
# Run: docker run -p 3978:3978 -v eha-data:/data --env-file .env early-help-assistant

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY knowledge ./knowledge
COPY scripts ./scripts
COPY deployment ./deployment
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read from the source tree at run time: knowledge packs, and static files the channels serve.
COPY --from=build /app/knowledge/packs ./knowledge/packs
# The trained triage model (a few MB, read once at start-up).
COPY --from=build /app/knowledge/triage/model/trained ./knowledge/triage/model/trained
# The risk rules and their slots (data, read and checked at start-up).
COPY --from=build /app/knowledge/triage/rules ./knowledge/triage/rules
# The notices and risk phrases for other languages (data, read and checked at start-up).
COPY --from=build /app/knowledge/language/other-languages.json ./knowledge/language/other-languages.json
COPY --from=build /app/bot ./bot
COPY --from=build /app/deployment ./deployment
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node as PID 1 receives SIGTERM directly, so shutdown is graceful.
# Heap flags, the same as `npm start` (and so `npm run bench:load`): on a host with plenty of
# memory V8 otherwise lets the heap grow to about four times what is live before collecting
# (480 MB resident after 10,000 turns with under 100 MB live); with a 384 MB ceiling it grows
# by about a third, and --optimize-for-size keeps it near what is live (204 MB resident after
# 100,000 turns, for about a third of the throughput; README, "Memory").
CMD ["node", "--max-old-space-size=384", "--max-semi-space-size=8", "--optimize-for-size", "dist/bot/index.js"]
