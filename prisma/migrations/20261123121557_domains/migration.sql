-- CreateEnum
CREATE TYPE "external"."DomainVerificationMethod" AS ENUM ('dns_txt', 'html_meta');

-- CreateEnum
CREATE TYPE "external"."DomainStatus" AS ENUM ('pending', 'verified', 'failed', 'expired');

-- CreateEnum
CREATE TYPE "external"."DomainCheckOutcome" AS ENUM ('found', 'missing', 'mismatch', 'timeout', 'refused', 'claimed', 'error');

-- CreateTable
CREATE TABLE "external"."site_domains" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "hostname" VARCHAR(260) NOT NULL,
    "method" "external"."DomainVerificationMethod" NOT NULL DEFAULT 'dns_txt',
    "token" TEXT NOT NULL,
    "status" "external"."DomainStatus" NOT NULL DEFAULT 'pending',
    "statusSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verifiedAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "lastCheckedAt" TIMESTAMP(3),
    "lastOutcome" "external"."DomainCheckOutcome",
    "lastDetail" TEXT,
    "nextCheckAt" TIMESTAMP(3),
    "manualCheckAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_domains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external"."domain_checks" (
    "id" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" "external"."DomainVerificationMethod" NOT NULL,
    "outcome" "external"."DomainCheckOutcome" NOT NULL,
    "detail" TEXT NOT NULL,
    "manual" BOOLEAN NOT NULL,
    "statusAfter" "external"."DomainStatus" NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "domain_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_domains_siteId_status_idx" ON "external"."site_domains"("siteId", "status");

-- CreateIndex
CREATE INDEX "site_domains_hostname_status_idx" ON "external"."site_domains"("hostname", "status");

-- CreateIndex
CREATE INDEX "site_domains_nextCheckAt_idx" ON "external"."site_domains"("nextCheckAt");

-- CreateIndex
CREATE UNIQUE INDEX "site_domains_siteId_hostname_key" ON "external"."site_domains"("siteId", "hostname");

-- CreateIndex
CREATE INDEX "domain_checks_domainId_checkedAt_idx" ON "external"."domain_checks"("domainId", "checkedAt");

-- AddForeignKey
ALTER TABLE "external"."site_domains" ADD CONSTRAINT "site_domains_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external"."domain_checks" ADD CONSTRAINT "domain_checks_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "external"."site_domains"("id") ON DELETE CASCADE ON UPDATE CASCADE;
