-- CreateEnum
CREATE TYPE "external"."ApiClientKind" AS ENUM ('api_token', 'oauth_app', 'embed', 'anonymous');

-- CreateTable
CREATE TABLE "external"."request_log" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "siteId" TEXT,
    "clientKind" "external"."ApiClientKind" NOT NULL,
    "clientId" TEXT,
    "method" VARCHAR(10) NOT NULL,
    "route" VARCHAR(200) NOT NULL,
    "status" SMALLINT NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "userAgent" VARCHAR(256),
    "origin" VARCHAR(260),

    CONSTRAINT "request_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_log_siteId_createdAt_idx" ON "external"."request_log"("siteId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "request_log_clientId_createdAt_idx" ON "external"."request_log"("clientId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "request_log_siteId_status_createdAt_idx" ON "external"."request_log"("siteId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "request_log_createdAt_idx" ON "external"."request_log" USING BRIN ("createdAt");
