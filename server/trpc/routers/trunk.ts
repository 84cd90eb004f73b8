import { router } from "../init";

export const trunkRouter = router({});
