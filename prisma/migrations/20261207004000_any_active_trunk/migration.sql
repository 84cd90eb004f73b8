-- Sending a fax first asks whether any SIP trunk can carry it. Trunks are the provider's rows,
-- hidden from an organisation's transaction by row-level security; this function answers that one
-- yes/no inside the organisation's own transaction and shows nothing else (SECURITY DEFINER runs it
-- as the owner). Before, the question went out on a second connection pool, which a transaction
-- already holding a connection could wait on forever once the process had one pool.
CREATE FUNCTION app_any_active_trunk() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Trunk" WHERE active)
$$;
REVOKE ALL ON FUNCTION app_any_active_trunk() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_any_active_trunk() TO faxport_scoped;
