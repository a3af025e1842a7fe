# syntax=docker/dockerfile:1
# Estrade in one image: the server binary, its hash file and the site (/pkg, assets).
#   docker build -t estrade .
#   docker run -p 3000:3000 -v estrade-data:/data estrade          # SQLite in the volume
#   docker run ... -e DATABASE_URL=postgres://user:pass@host/estrade estrade
# See deploy/README.md for several instances (compose, Kubernetes).

# ---------------------------------------------------------------------------------------------
# Build: the same tools and versions as `make release` (scripts/ensure-tools.sh is the one place
# that names them: wasm32 target, cargo-leptos 0.3.7, wasm-bindgen-cli 0.2.130, wasm-opt from
# npm's binaryen 132).
FROM rust:1.95-bookworm AS builder

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# Node.js and npm only run wasm-opt from npm's binaryen (Debian's binaryen 108 breaks wasm-bindgen
# output); their exact Debian versions do not matter, so they are not pinned.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# The tools get their own layer, rebuilt only when ensure-tools.sh (their versions) changes.
COPY scripts/ensure-tools.sh scripts/ensure-tools.sh
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    scripts/ensure-tools.sh release
# wasm-opt, where ensure-tools.sh puts it (the Makefile adds the same directory to PATH).
ENV PATH=/src/.tools/node_modules/.bin:$PATH

COPY . .

# target/ is a cache mount (kept between builds, never in a layer), so what the runtime stage
# needs is copied out of it in the same step. The server is stripped of its symbols on the way
# (177 MB → 89 MB); a local `make release` keeps them for readable backtraces. With
# hash-files = true (Cargo.toml), cargo-leptos writes hash.txt beside the server binary, where the
# server reads it (next to its executable).
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/src/target,sharing=locked \
    cargo leptos build --release \
    && mkdir -p /out \
    && strip --strip-all -o /out/server target/release/server \
    && cp target/release/hash.txt /out/ \
    && cp -r target/site /out/site

# ---------------------------------------------------------------------------------------------
# Runtime: glibc, CA certificates (SMTP over TLS) and the files above; no shell tools are needed
# beyond Debian's base (the Kubernetes preStop hook uses /bin/sleep).
FROM debian:bookworm-slim

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# ca-certificates follows Debian's security updates; pinning it would hold those back.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 estrade \
    && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin estrade \
    && mkdir -p /data \
    && chown 10001:10001 /data

WORKDIR /app
COPY --from=builder /out/server /out/hash.txt /app/
COPY --from=builder /out/site /app/site

# DATA_DIR holds uploaded photos and logos (and .eml files when SMTP_URL is unset); several
# instances must share it. The default database is SQLite in the same volume, for a single
# container; set DATABASE_URL to a PostgreSQL URL for more than one.
ENV LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_HASH_FILES=true \
    DATA_DIR=/data \
    DATABASE_URL="sqlite:///data/estrade.sqlite?mode=rwc"
VOLUME ["/data"]
EXPOSE 3000

USER 10001
# The server migrates, then serves; SIGTERM finishes in-flight requests. Other commands:
#   docker run --rm estrade migrate | seed-demo | create-admin --email E --name N | import ...
ENTRYPOINT ["/app/server"]
CMD ["serve"]
