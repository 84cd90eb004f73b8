-- Portal processes keep validated sessions in memory (server/auth/session-cache.ts). Any change that
-- can end or alter a session tells every process at once, on commit: a Session revoked, re-dated or
-- deleted; a User changed (locked, role, rights, forced password change, names) or deleted; a
-- tenant's security policy changed (idle timeout). Rolled-back changes send nothing.
CREATE OR REPLACE FUNCTION faxport_notify_session_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
BEGIN
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  IF TG_TABLE_NAME = 'Session' THEN
    PERFORM pg_notify('faxport_sessions', 'session:' || row_data.id::text);
  ELSIF TG_TABLE_NAME = 'User' THEN
    PERFORM pg_notify('faxport_sessions', 'user:' || row_data.id::text);
  ELSE
    PERFORM pg_notify('faxport_sessions', 'tenant:' || row_data."tenantId"::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Session_notify_change"
  AFTER UPDATE OF "revokedAt", "expiresAt", "userId" OR DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION faxport_notify_session_change();

CREATE TRIGGER "User_notify_change"
  AFTER UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION faxport_notify_session_change();

CREATE TRIGGER "SecurityPolicy_notify_change"
  AFTER INSERT OR UPDATE OR DELETE ON "SecurityPolicy"
  FOR EACH ROW EXECUTE FUNCTION faxport_notify_session_change();
