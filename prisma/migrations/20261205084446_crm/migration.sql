-- trigram indexes serve the CRM lists' search
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "crm";

-- CreateEnum
CREATE TYPE "crm"."CrmContactStatus" AS ENUM ('lead', 'customer', 'churned', 'archived');

-- CreateEnum
CREATE TYPE "crm"."CrmLeadStatus" AS ENUM ('new', 'contacted', 'qualified', 'unqualified', 'converted');

-- CreateEnum
CREATE TYPE "crm"."CrmAccountType" AS ENUM ('prospect', 'customer', 'partner', 'competitor', 'other');

-- CreateEnum
CREATE TYPE "crm"."CrmStageType" AS ENUM ('open', 'won', 'lost');

-- CreateEnum
CREATE TYPE "crm"."CrmDealStatus" AS ENUM ('open', 'won', 'lost');

-- CreateEnum
CREATE TYPE "crm"."CrmActivityType" AS ENUM ('note', 'call', 'meeting', 'email', 'task');

-- CreateEnum
CREATE TYPE "crm"."CrmTaskPriority" AS ENUM ('low', 'medium', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "crm"."CrmEntity" AS ENUM ('contact', 'company', 'deal');

-- CreateEnum
CREATE TYPE "crm"."CrmFieldType" AS ENUM ('text', 'number', 'money', 'date', 'datetime', 'select', 'multi_select', 'checkbox', 'url', 'email', 'phone');

-- CreateEnum
CREATE TYPE "crm"."CrmImportStatus" AS ENUM ('pending', 'running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "crm"."CrmDedupeRule" AS ENUM ('skip', 'update', 'create');

-- CreateTable
CREATE TABLE "crm"."contacts" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT,
    "jobTitle" TEXT,
    "department" TEXT,
    "companyId" TEXT,
    "status" "crm"."CrmContactStatus" NOT NULL DEFAULT 'lead',
    "leadStatus" "crm"."CrmLeadStatus" NOT NULL DEFAULT 'new',
    "source" TEXT,
    "sourceDetails" TEXT,
    "website" TEXT,
    "linkedinUrl" TEXT,
    "twitterUrl" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "country" CHAR(2),
    "tags" TEXT[],
    "ownerId" TEXT,
    "leadScore" INTEGER NOT NULL DEFAULT 0,
    "lastContactedAt" TIMESTAMP(3),
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."contact_emails" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "contact_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."contact_phones" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "label" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "contact_phones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."companies" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "domain" TEXT,
    "industry" TEXT,
    "website" TEXT,
    "phone" TEXT,
    "employeeCount" INTEGER,
    "annualRevenueMinor" BIGINT,
    "annualRevenueCurrency" CHAR(3),
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "country" CHAR(2),
    "accountType" "crm"."CrmAccountType" NOT NULL DEFAULT 'prospect',
    "ownerId" TEXT,
    "tags" TEXT[],
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."pipelines" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "rottingDays" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pipelines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."stages" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "pipelineId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "color" TEXT NOT NULL DEFAULT '#64748b',
    "probability" INTEGER NOT NULL,
    "type" "crm"."CrmStageType" NOT NULL DEFAULT 'open',

    CONSTRAINT "stages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."deals" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pipelineId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "probabilityOverride" INTEGER,
    "status" "crm"."CrmDealStatus" NOT NULL DEFAULT 'open',
    "closeReason" TEXT,
    "expectedCloseDate" DATE,
    "actualCloseDate" DATE,
    "ownerId" TEXT,
    "contactId" TEXT,
    "companyId" TEXT,
    "tags" TEXT[],
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "searchText" TEXT NOT NULL DEFAULT '',
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."deal_stage_changes" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "fromStageId" TEXT,
    "toStageId" TEXT NOT NULL,
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deal_stage_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."activities" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "type" "crm"."CrmActivityType" NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "contactId" TEXT,
    "companyId" TEXT,
    "dealId" TEXT,
    "createdById" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "durationSeconds" INTEGER,
    "direction" TEXT,
    "outcome" TEXT,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "location" TEXT,
    "attendees" TEXT[],
    "dueAt" TIMESTAMP(3),
    "priority" "crm"."CrmTaskPriority",
    "assigneeId" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."field_changes" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "entity" "crm"."CrmEntity" NOT NULL,
    "recordId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "field_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."custom_fields" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "entity" "crm"."CrmEntity" NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "crm"."CrmFieldType" NOT NULL,
    "options" TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custom_fields_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."segments" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "entity" "crm"."CrmEntity" NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."segment_members" (
    "siteId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_members_pkey" PRIMARY KEY ("segmentId","recordId")
);

-- CreateTable
CREATE TABLE "crm"."saved_views" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entity" "crm"."CrmEntity" NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '[]',
    "sort" JSONB NOT NULL DEFAULT '[]',
    "columns" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."imports" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "entity" "crm"."CrmEntity" NOT NULL,
    "status" "crm"."CrmImportStatus" NOT NULL DEFAULT 'pending',
    "fileName" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "dedupeRule" "crm"."CrmDedupeRule" NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdRows" INTEGER NOT NULL DEFAULT 0,
    "updatedRows" INTEGER NOT NULL DEFAULT 0,
    "skippedRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm"."import_rejects" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "row" JSONB NOT NULL,

    CONSTRAINT "import_rejects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contacts_siteId_createdAt_id_idx" ON "crm"."contacts"("siteId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "contacts_siteId_lastName_firstName_id_idx" ON "crm"."contacts"("siteId", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "contacts_siteId_companyId_idx" ON "crm"."contacts"("siteId", "companyId");

-- CreateIndex
CREATE INDEX "contacts_siteId_ownerId_idx" ON "crm"."contacts"("siteId", "ownerId");

-- CreateIndex
CREATE INDEX "crm_contacts_search_idx" ON "crm"."contacts" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "crm_contacts_custom_idx" ON "crm"."contacts" USING GIN ("customFields" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "contact_emails_contactId_idx" ON "crm"."contact_emails"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "contact_emails_siteId_normalized_key" ON "crm"."contact_emails"("siteId", "normalized");

-- CreateIndex
CREATE INDEX "contact_phones_siteId_number_idx" ON "crm"."contact_phones"("siteId", "number");

-- CreateIndex
CREATE INDEX "contact_phones_contactId_idx" ON "crm"."contact_phones"("contactId");

-- CreateIndex
CREATE INDEX "companies_siteId_createdAt_id_idx" ON "crm"."companies"("siteId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "companies_siteId_name_id_idx" ON "crm"."companies"("siteId", "name", "id");

-- CreateIndex
CREATE INDEX "crm_companies_search_idx" ON "crm"."companies" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "crm_companies_custom_idx" ON "crm"."companies" USING GIN ("customFields" jsonb_path_ops);

-- CreateIndex
CREATE UNIQUE INDEX "companies_siteId_domain_key" ON "crm"."companies"("siteId", "domain");

-- CreateIndex
CREATE INDEX "pipelines_siteId_position_idx" ON "crm"."pipelines"("siteId", "position");

-- CreateIndex
CREATE INDEX "stages_pipelineId_position_idx" ON "crm"."stages"("pipelineId", "position");

-- CreateIndex
CREATE INDEX "deals_siteId_createdAt_id_idx" ON "crm"."deals"("siteId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "deals_siteId_pipelineId_stageId_idx" ON "crm"."deals"("siteId", "pipelineId", "stageId");

-- CreateIndex
CREATE INDEX "deals_siteId_status_actualCloseDate_idx" ON "crm"."deals"("siteId", "status", "actualCloseDate");

-- CreateIndex
CREATE INDEX "deals_contactId_idx" ON "crm"."deals"("contactId");

-- CreateIndex
CREATE INDEX "deals_companyId_idx" ON "crm"."deals"("companyId");

-- CreateIndex
CREATE INDEX "crm_deals_search_idx" ON "crm"."deals" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "crm_deals_custom_idx" ON "crm"."deals" USING GIN ("customFields" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "deal_stage_changes_dealId_changedAt_idx" ON "crm"."deal_stage_changes"("dealId", "changedAt");

-- CreateIndex
CREATE INDEX "activities_siteId_occurredAt_id_idx" ON "crm"."activities"("siteId", "occurredAt", "id");

-- CreateIndex
CREATE INDEX "activities_contactId_occurredAt_idx" ON "crm"."activities"("contactId", "occurredAt");

-- CreateIndex
CREATE INDEX "activities_companyId_occurredAt_idx" ON "crm"."activities"("companyId", "occurredAt");

-- CreateIndex
CREATE INDEX "activities_dealId_occurredAt_idx" ON "crm"."activities"("dealId", "occurredAt");

-- CreateIndex
CREATE INDEX "activities_siteId_assigneeId_completedAt_dueAt_idx" ON "crm"."activities"("siteId", "assigneeId", "completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "field_changes_siteId_entity_recordId_changedAt_idx" ON "crm"."field_changes"("siteId", "entity", "recordId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "custom_fields_siteId_entity_key_key" ON "crm"."custom_fields"("siteId", "entity", "key");

-- CreateIndex
CREATE INDEX "segments_siteId_entity_idx" ON "crm"."segments"("siteId", "entity");

-- CreateIndex
CREATE INDEX "saved_views_siteId_userId_entity_idx" ON "crm"."saved_views"("siteId", "userId", "entity");

-- CreateIndex
CREATE INDEX "imports_siteId_createdAt_idx" ON "crm"."imports"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "import_rejects_importId_line_idx" ON "crm"."import_rejects"("importId", "line");

-- AddForeignKey
ALTER TABLE "crm"."contacts" ADD CONSTRAINT "contacts_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "crm"."companies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."contacts" ADD CONSTRAINT "contacts_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."contact_emails" ADD CONSTRAINT "contact_emails_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "crm"."contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."contact_phones" ADD CONSTRAINT "contact_phones_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "crm"."contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."companies" ADD CONSTRAINT "companies_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."pipelines" ADD CONSTRAINT "pipelines_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."stages" ADD CONSTRAINT "stages_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "crm"."pipelines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "crm"."pipelines"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "crm"."stages"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "crm"."contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "crm"."companies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."deals" ADD CONSTRAINT "deals_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."deal_stage_changes" ADD CONSTRAINT "deal_stage_changes_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "crm"."deals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "crm"."contacts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "crm"."companies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "crm"."deals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."activities" ADD CONSTRAINT "activities_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."field_changes" ADD CONSTRAINT "field_changes_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."custom_fields" ADD CONSTRAINT "custom_fields_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."segments" ADD CONSTRAINT "segments_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."segment_members" ADD CONSTRAINT "segment_members_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "crm"."segments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."saved_views" ADD CONSTRAINT "saved_views_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."imports" ADD CONSTRAINT "imports_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crm"."import_rejects" ADD CONSTRAINT "import_rejects_importId_fkey" FOREIGN KEY ("importId") REFERENCES "crm"."imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- the site wall: forced row-level security on every crm table, queried as dramac_crm
SELECT platform.enable_site_rls('crm', 'dramac_crm');
