import { router } from "../init";

export const securityPolicyRouter = router({});
