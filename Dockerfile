# jmo-telemetry in a container: the compiled binary alone, run as a non-root user.
#   docker build -t jmo-telemetry .
#   docker run --rm -e JMO_TELEMETRY_DISABLE=1 jmo-telemetry track scan.started --meta '{...}'

# Build stage: Node and npm bring Deno and Bun (package.json), which compile the binary.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY deno.json ./
COPY scripts/ scripts/
COPY src/ src/
RUN ./node_modules/deno/deno task compile

# Final stage: glibc and nothing else; the binary needs no other file.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /app/dist/jmo-telemetry /usr/local/bin/jmo-telemetry
ENV DOCKER_CONTAINER=1
USER nonroot:nonroot
ENTRYPOINT ["jmo-telemetry"]
CMD ["--help"]
