-- AlterTable
ALTER TABLE "modules"."module_versions" ALTER COLUMN "packageHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "modules"."modules" ALTER COLUMN "publisherAgencyId" DROP NOT NULL;
