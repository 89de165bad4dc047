# The goldenpath CLI image, `ghcr.io/goldenpath-idp/goldenpath-infra` at the
# tag contract/versions.ts pins (goldenpathCliImage): the in-cluster database
# provisioning Job runs `node /app/ops/bin/goldenpath.cjs db provision` in it
# (contract/gitops/db-provision-job.ts). Built and pushed by
# .github/workflows/release-image.yml; see docs/app-databases.md.

# Node 24 pinned by digest: the release workflow resolves node:24-bookworm-slim
# to its digest, passes NODE_IMAGE=node:24-bookworm-slim@sha256:… and records it
# (image label and job summary). There is no default: a build without a pinned
# base fails in the first stage, naming the fix.
ARG NODE_IMAGE

FROM ${NODE_IMAGE} AS dependencies
ARG NODE_IMAGE
RUN case "$NODE_IMAGE" in \
      node:24-*@sha256:*) ;; \
      *) echo "NODE_IMAGE must be node:24-<variant>@sha256:<digest> (got '$NODE_IMAGE'): build with --build-arg NODE_IMAGE=node:24-bookworm-slim@\$(docker buildx imagetools inspect node:24-bookworm-slim --format '{{json .Manifest}}' | jq -r .digest)" >&2; exit 1 ;; \
    esac
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only, exactly as locked (tsx compiles the TypeScript CLI on load); no install scripts run.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE} AS rds-ca
# The CA bundle every RDS server certificate chains to, fetched from AWS when the image is built,
# so the Job verifies the database's TLS certificate without reaching the internet.
ADD https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /rds-ca/global-bundle.pem
# A download that is not a PEM bundle of certificates fails the build.
RUN node -e 'const { X509Certificate } = require("node:crypto"); const pem = require("node:fs").readFileSync("/rds-ca/global-bundle.pem", "utf8"); const certs = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []; if (certs.length === 0) throw new Error("the RDS CA bundle holds no certificate"); certs.forEach((c) => new X509Certificate(c)); console.log(`${certs.length} RDS CA certificates`);' \
 && chmod 0444 /rds-ca/global-bundle.pem

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    GOLDENPATH_RDS_CA_BUNDLE=/opt/goldenpath/rds-ca/global-bundle.pem
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=rds-ca /rds-ca/global-bundle.pem /opt/goldenpath/rds-ca/global-bundle.pem
# What the CLI (ops/bin/goldenpath.cjs -> ops/main.ts) imports; owned by root, read-only to the user that runs it
# (node runs the entry file directly: nothing at start-up writes or chmods what root owns).
COPY package.json package-lock.json tsconfig.json ./
COPY contract ./contract
COPY envs ./envs
COPY ops ./ops
# ops/bin/goldenpath.cjs runs the CLI precompiled by bin/build.cjs, or registers tsx through this loader where it cannot build (read-only files).
COPY bin/typescript-loader.cjs bin/build.cjs ./bin/
# Precompiled now, while root still writes here: the Job starts plain JavaScript (dist/goldenpath.cjs), not tsx compiling on load.
RUN node bin/build.cjs goldenpath
# The base image's `node` user; the Job's runAsUser (contract/gitops/db-provision-job.ts CLI_IMAGE_USER_ID).
USER 1000:1000
ENTRYPOINT ["node", "/app/ops/bin/goldenpath.cjs"]
CMD ["--help"]
