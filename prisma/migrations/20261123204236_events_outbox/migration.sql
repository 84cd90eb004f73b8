-- App code stores an event in the very transaction that causes it (inngest/send-event.ts), whatever
-- that transaction's scope. An organisation's transaction may add events through this function,
-- never read or change them; a repeated event id is stored once (ON CONFLICT needs to see the
-- table, which row-level security hides from organisations, hence SECURITY DEFINER).
CREATE FUNCTION app_add_event(p_id text, p_name text, p_data jsonb, p_ts timestamp(3)) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt")
  VALUES (p_id, p_name, p_data, p_ts, now() AT TIME ZONE 'UTC')
  ON CONFLICT (id) DO NOTHING
$$;
REVOKE ALL ON FUNCTION app_add_event(text, text, jsonb, timestamp) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_add_event(text, text, jsonb, timestamp) TO faxport_scoped;
