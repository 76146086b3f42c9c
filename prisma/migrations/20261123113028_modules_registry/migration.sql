-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "modules";

-- CreateEnum
CREATE TYPE "modules"."ModuleVersionStatus" AS ENUM ('draft', 'submitted', 'approved', 'rejected', 'published', 'deprecated', 'yanked');

-- AlterTable
ALTER TABLE "platform"."users" ADD COLUMN     "isPlatformAdmin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "modules"."modules" (
    "id" TEXT NOT NULL,
    "shortId" VARCHAR(10) NOT NULL,
    "slug" TEXT NOT NULL,
    "publisherAgencyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "modules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "modules"."module_versions" (
    "id" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" "modules"."ModuleVersionStatus" NOT NULL DEFAULT 'draft',
    "manifest" JSONB NOT NULL,
    "packageHash" TEXT NOT NULL,
    "reviewNotes" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "module_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "modules"."module_packages" (
    "hash" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "module_packages_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "modules_shortId_key" ON "modules"."modules"("shortId");

-- CreateIndex
CREATE UNIQUE INDEX "modules_slug_key" ON "modules"."modules"("slug");

-- CreateIndex
CREATE INDEX "modules_publisherAgencyId_idx" ON "modules"."modules"("publisherAgencyId");

-- CreateIndex
CREATE INDEX "module_versions_status_idx" ON "modules"."module_versions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "module_versions_moduleId_version_key" ON "modules"."module_versions"("moduleId", "version");

-- AddForeignKey
ALTER TABLE "modules"."modules" ADD CONSTRAINT "modules_publisherAgencyId_fkey" FOREIGN KEY ("publisherAgencyId") REFERENCES "platform"."agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_versions" ADD CONSTRAINT "module_versions_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "modules"."modules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_versions" ADD CONSTRAINT "module_versions_packageHash_fkey" FOREIGN KEY ("packageHash") REFERENCES "modules"."module_packages"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_versions" ADD CONSTRAINT "module_versions_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "platform"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
