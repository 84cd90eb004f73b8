import { router } from "../init";

export const didRouter = router({});
