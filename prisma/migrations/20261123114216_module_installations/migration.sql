-- CreateEnum
CREATE TYPE "modules"."ModuleInstallationStatus" AS ENUM ('enabled', 'disabled', 'uninstalled');

-- CreateTable
CREATE TABLE "modules"."module_installations" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "previousVersionId" TEXT,
    "status" "modules"."ModuleInstallationStatus" NOT NULL DEFAULT 'enabled',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secretSettings" JSONB NOT NULL DEFAULT '{}',
    "grantedPermissions" TEXT[],
    "installedById" TEXT,
    "uninstalledAt" TIMESTAMP(3),
    "purgeAfter" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "module_installations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "module_installations_moduleId_idx" ON "modules"."module_installations"("moduleId");

-- CreateIndex
CREATE INDEX "module_installations_purgeAfter_idx" ON "modules"."module_installations"("purgeAfter");

-- CreateIndex
CREATE UNIQUE INDEX "module_installations_siteId_moduleId_key" ON "modules"."module_installations"("siteId", "moduleId");

-- AddForeignKey
ALTER TABLE "modules"."module_installations" ADD CONSTRAINT "module_installations_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_installations" ADD CONSTRAINT "module_installations_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "modules"."modules"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_installations" ADD CONSTRAINT "module_installations_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "modules"."module_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_installations" ADD CONSTRAINT "module_installations_previousVersionId_fkey" FOREIGN KEY ("previousVersionId") REFERENCES "modules"."module_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "modules"."module_installations" ADD CONSTRAINT "module_installations_installedById_fkey" FOREIGN KEY ("installedById") REFERENCES "platform"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
