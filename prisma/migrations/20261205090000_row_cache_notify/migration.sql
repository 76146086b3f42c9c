-- Every web process caches a few rows it reads on each request (memberships with their sites, API
-- tokens: packages/api/src/lib/row-cache.ts). When such a row changes, PostgreSQL tells every
-- process on commit: NOTIFY "dramac_row_cache" with the table's name. Inserts need no notice
-- (a new row was never cached), and an API token's lastUsedAt is not what the cache is about.
CREATE FUNCTION "platform"."notify_row_cache"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dramac_row_cache', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "memberships_row_cache" AFTER UPDATE OR DELETE OR TRUNCATE ON "platform"."memberships"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."notify_row_cache"();

CREATE TRIGGER "sites_row_cache" AFTER UPDATE OR DELETE OR TRUNCATE ON "platform"."sites"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."notify_row_cache"();

CREATE TRIGGER "api_tokens_row_cache"
  AFTER DELETE OR TRUNCATE OR UPDATE OF "revokedAt", "expiresAt", "scopes", "siteId", "agencyId", "tokenHash"
  ON "external"."api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "platform"."notify_row_cache"();
