-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "booking";

-- CreateEnum
CREATE TYPE "booking"."BookingAppointmentStatus" AS ENUM ('pending', 'confirmed', 'cancelled', 'completed', 'no_show');

-- CreateEnum
CREATE TYPE "booking"."BookingActor" AS ENUM ('customer', 'staff');

-- CreateTable
CREATE TABLE "booking"."services" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,
    "bufferBeforeMinutes" INTEGER NOT NULL DEFAULT 0,
    "bufferAfterMinutes" INTEGER NOT NULL DEFAULT 0,
    "priceMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "minimumNoticeMinutes" INTEGER NOT NULL DEFAULT 1440,
    "maximumAdvanceMinutes" INTEGER NOT NULL DEFAULT 129600,
    "slotIntervalMinutes" INTEGER NOT NULL DEFAULT 30,
    "limitPerDay" INTEGER,
    "limitPerWeek" INTEGER,
    "cancellationWindowMinutes" INTEGER NOT NULL DEFAULT 1440,
    "reminderMinutes" INTEGER[] DEFAULT ARRAY[1440, 60]::INTEGER[],
    "requiresConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "bookableOnline" BOOLEAN NOT NULL DEFAULT true,
    "color" TEXT NOT NULL DEFAULT '#2563eb',
    "intakeQuestions" JSONB NOT NULL DEFAULT '[]',
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."staff" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "timeZone" TEXT NOT NULL,
    "acceptsBookings" BOOLEAN NOT NULL DEFAULT true,
    "feedTokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."staff_services" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "priceMinor" INTEGER,
    "durationMinutes" INTEGER,

    CONSTRAINT "staff_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."resources" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."service_resources" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,

    CONSTRAINT "service_resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."schedules" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "validFrom" DATE,
    "validUntil" DATE,
    "hours" JSONB NOT NULL,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."date_overrides" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "hours" JSONB NOT NULL,

    CONSTRAINT "date_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."time_off" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "time_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."holidays" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."sessions" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "blockedFrom" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "seatsTaken" INTEGER NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."resource_blocks" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "blockedFrom" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "resource_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking"."appointments" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "sessionId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "staffTimeZone" TEXT NOT NULL,
    "customerTimeZone" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "customerEmail" TEXT NOT NULL,
    "customerPhone" TEXT,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "booking"."BookingAppointmentStatus" NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelledBy" "booking"."BookingActor",
    "cancellationReason" TEXT,
    "rescheduledFromId" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "services_siteId_slug_key" ON "booking"."services"("siteId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "staff_feedTokenHash_key" ON "booking"."staff"("feedTokenHash");

-- CreateIndex
CREATE INDEX "staff_siteId_idx" ON "booking"."staff"("siteId");

-- CreateIndex
CREATE INDEX "staff_services_serviceId_idx" ON "booking"."staff_services"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "staff_services_staffId_serviceId_key" ON "booking"."staff_services"("staffId", "serviceId");

-- CreateIndex
CREATE INDEX "resources_siteId_idx" ON "booking"."resources"("siteId");

-- CreateIndex
CREATE INDEX "service_resources_resourceId_idx" ON "booking"."service_resources"("resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "service_resources_serviceId_resourceId_key" ON "booking"."service_resources"("serviceId", "resourceId");

-- CreateIndex
CREATE INDEX "schedules_staffId_idx" ON "booking"."schedules"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "date_overrides_staffId_date_key" ON "booking"."date_overrides"("staffId", "date");

-- CreateIndex
CREATE INDEX "time_off_staffId_startsAt_idx" ON "booking"."time_off"("staffId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "holidays_siteId_date_key" ON "booking"."holidays"("siteId", "date");

-- CreateIndex
CREATE INDEX "sessions_siteId_startsAt_idx" ON "booking"."sessions"("siteId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_staffId_serviceId_startsAt_key" ON "booking"."sessions"("staffId", "serviceId", "startsAt");

-- CreateIndex
CREATE INDEX "resource_blocks_resourceId_idx" ON "booking"."resource_blocks"("resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "resource_blocks_sessionId_resourceId_key" ON "booking"."resource_blocks"("sessionId", "resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "appointments_rescheduledFromId_key" ON "booking"."appointments"("rescheduledFromId");

-- CreateIndex
CREATE INDEX "appointments_siteId_startsAt_idx" ON "booking"."appointments"("siteId", "startsAt");

-- CreateIndex
CREATE INDEX "appointments_staffId_startsAt_idx" ON "booking"."appointments"("staffId", "startsAt");

-- CreateIndex
CREATE INDEX "appointments_siteId_customerEmail_idx" ON "booking"."appointments"("siteId", "customerEmail");

-- CreateIndex
CREATE UNIQUE INDEX "appointments_siteId_idempotencyKey_key" ON "booking"."appointments"("siteId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "booking"."services" ADD CONSTRAINT "services_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."staff" ADD CONSTRAINT "staff_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."staff_services" ADD CONSTRAINT "staff_services_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "booking"."staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."staff_services" ADD CONSTRAINT "staff_services_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "booking"."services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."resources" ADD CONSTRAINT "resources_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."service_resources" ADD CONSTRAINT "service_resources_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "booking"."services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."service_resources" ADD CONSTRAINT "service_resources_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "booking"."resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."schedules" ADD CONSTRAINT "schedules_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "booking"."staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."date_overrides" ADD CONSTRAINT "date_overrides_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "booking"."staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."time_off" ADD CONSTRAINT "time_off_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "booking"."staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."holidays" ADD CONSTRAINT "holidays_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."sessions" ADD CONSTRAINT "sessions_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "booking"."staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."resource_blocks" ADD CONSTRAINT "resource_blocks_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "booking"."resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."resource_blocks" ADD CONSTRAINT "resource_blocks_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "booking"."sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."appointments" ADD CONSTRAINT "appointments_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "platform"."sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."appointments" ADD CONSTRAINT "appointments_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "booking"."services"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."appointments" ADD CONSTRAINT "appointments_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "booking"."staff"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."appointments" ADD CONSTRAINT "appointments_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "booking"."sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking"."appointments" ADD CONSTRAINT "appointments_rescheduledFromId_fkey" FOREIGN KEY ("rescheduledFromId") REFERENCES "booking"."appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- No double booking, enforced by the database (Prisma cannot declare these; `pnpm db:check` ignores them).
-- Times are UTC in timestamp(3) columns (Prisma's convention), hence tsrange: [from, until).
-- A staff member's sessions never overlap, buffers included; nor do the blocks of one resource.
-- Seats: a booking joins a session by incrementing "seatsTaken" on its unique
-- (staffId, serviceId, startsAt) row, so the count is taken under that row's lock and the check
-- below refuses the seat past capacity.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "booking"."sessions"
  ADD CONSTRAINT "sessions_seats_check" CHECK ("seatsTaken" BETWEEN 1 AND "capacity"),
  ADD CONSTRAINT "sessions_span_check" CHECK ("blockedFrom" <= "startsAt" AND "startsAt" < "endsAt" AND "endsAt" <= "blockedUntil"),
  ADD CONSTRAINT "sessions_no_overlap" EXCLUDE USING gist ("staffId" WITH =, tsrange("blockedFrom", "blockedUntil") WITH &&);

ALTER TABLE "booking"."resource_blocks"
  ADD CONSTRAINT "resource_blocks_span_check" CHECK ("blockedFrom" < "blockedUntil"),
  ADD CONSTRAINT "resource_blocks_no_overlap" EXCLUDE USING gist ("resourceId" WITH =, tsrange("blockedFrom", "blockedUntil") WITH &&);

SELECT platform.enable_site_rls('booking', 'dramac_booking');
