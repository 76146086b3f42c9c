-- CreateEnum
CREATE TYPE "external"."OAuthClientType" AS ENUM ('confidential', 'public');

-- CreateEnum
CREATE TYPE "external"."OAuthGrantKind" AS ENUM ('authorization_code', 'client_credentials');

-- CreateEnum
CREATE TYPE "external"."OAuthTokenKind" AS ENUM ('access', 'refresh');

-- CreateTable
CREATE TABLE "external"."oauth_apps" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clientType" "external"."OAuthClientType" NOT NULL,
    "redirectUris" TEXT[],
    "scopes" TEXT[],
    "secretHash" TEXT,
    "secretPrefix" TEXT,
    "secretRotatedAt" TIMESTAMP(3),
    "logo" BYTEA,
    "logoType" TEXT,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "oauth_apps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external"."oauth_grants" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "kind" "external"."OAuthGrantKind" NOT NULL,
    "scopes" TEXT[],
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "oauth_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external"."oauth_authorization_codes" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "scopes" TEXT[],
    "codeChallenge" TEXT,
    "codeChallengeMethod" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_authorization_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external"."oauth_tokens" (
    "id" TEXT NOT NULL,
    "kind" "external"."OAuthTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "oauth_apps_clientId_key" ON "external"."oauth_apps"("clientId");

-- CreateIndex
CREATE INDEX "oauth_apps_agencyId_idx" ON "external"."oauth_apps"("agencyId");

-- CreateIndex
CREATE INDEX "oauth_grants_siteId_idx" ON "external"."oauth_grants"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_grants_appId_siteId_kind_key" ON "external"."oauth_grants"("appId", "siteId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_authorization_codes_codeHash_key" ON "external"."oauth_authorization_codes"("codeHash");

-- CreateIndex
CREATE INDEX "oauth_authorization_codes_grantId_idx" ON "external"."oauth_authorization_codes"("grantId");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_tokens_tokenHash_key" ON "external"."oauth_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "oauth_tokens_grantId_idx" ON "external"."oauth_tokens"("grantId");

-- CreateIndex
CREATE INDEX "oauth_tokens_familyId_idx" ON "external"."oauth_tokens"("familyId");

-- AddForeignKey
ALTER TABLE "external"."oauth_apps" ADD CONSTRAINT "oauth_apps_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "platform"."agencies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external"."oauth_grants" ADD CONSTRAINT "oauth_grants_appId_fkey" FOREIGN KEY ("appId") REFERENCES "external"."oauth_apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external"."oauth_grants" ADD CONSTRAINT "oauth_grants_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external"."oauth_grants" ADD CONSTRAINT "oauth_grants_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "platform"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external"."oauth_authorization_codes" ADD CONSTRAINT "oauth_authorization_codes_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "external"."oauth_grants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external"."oauth_tokens" ADD CONSTRAINT "oauth_tokens_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "external"."oauth_grants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
