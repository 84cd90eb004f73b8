import { router } from "../init";

export const brandingRouter = router({});
