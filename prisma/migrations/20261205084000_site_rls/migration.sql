-- Row-level security for the platform's first-party domain schemas (crm, booking, accounting, …):
-- one mechanism for all of them, the database half of packages/api/src/lib/site-rls.ts.
--
-- platform.enable_site_rls(schema, role) creates the domain's role (NOLOGIN, NOBYPASSRLS; roles
-- belong to the whole cluster, so only when it is missing), lets the migrating user act as it,
-- grants it the schema's tables, and gives every table of the schema forced row-level security
-- with the policy `site_isolation`: a row is visible and writable only when its "siteId" equals
-- the transaction's `dramac.site_id` (the setting the module gateway uses for module schemas).
-- A table without "siteId" stops the migration. Idempotent: every migration that adds tables to
-- a domain schema ends with `SELECT platform.enable_site_rls('<schema>', 'dramac_<schema>');`.
CREATE OR REPLACE FUNCTION platform.enable_site_rls(target_schema text, domain_role text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t record;
  site_check constant text := '"siteId" = current_setting(''dramac.site_id'', true)';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = domain_role) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION', domain_role);
  END IF;
  -- a superuser may already SET ROLE to anyone; any other user needs the membership
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT %I TO %I', domain_role, current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target_schema, domain_role);
  FOR t IN
    SELECT c.relname,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'siteId' AND NOT a.attisdropped) AS has_site
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target_schema AND c.relkind IN ('r', 'p')
  LOOP
    IF NOT t.has_site THEN
      RAISE EXCEPTION 'table %.% has no "siteId" column: every row of a domain schema belongs to a site', target_schema, t.relname;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.%I TO %I', target_schema, t.relname, domain_role);
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', target_schema, t.relname);
    EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', target_schema, t.relname);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = target_schema AND tablename = t.relname AND policyname = 'site_isolation') THEN
      EXECUTE format('CREATE POLICY site_isolation ON %I.%I USING (%s) WITH CHECK (%s)', target_schema, t.relname, site_check, site_check);
    END IF;
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', target_schema, domain_role);
END
$$;
