import { router } from "../init";

export const mailRouter = router({});
