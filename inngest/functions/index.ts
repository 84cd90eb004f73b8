/** Every Inngest function, registered by hand (served at /api/inngest). */
import { pruneAuthRecordsFunction } from "./prune-auth-records";

export const functions = [pruneAuthRecordsFunction];
