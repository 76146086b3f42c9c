-- CreateTable
CREATE TABLE "platform"."sessions" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sessions_userId_idx" ON "platform"."sessions"("userId");

-- AddForeignKey
ALTER TABLE "platform"."sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "platform"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A session that ends (or whose user changes name, address, or goes) must stop or change in every
-- web process's row cache at once (packages/api/src/lib/row-cache.ts, platform/auth/sessions.ts).
CREATE TRIGGER "sessions_row_cache" AFTER UPDATE OR DELETE OR TRUNCATE ON "platform"."sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."notify_row_cache"();

CREATE TRIGGER "users_row_cache" AFTER DELETE OR TRUNCATE OR UPDATE OF "email", "name" ON "platform"."users"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."notify_row_cache"();
