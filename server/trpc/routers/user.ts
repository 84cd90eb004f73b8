import { router } from "../init";

export const userRouter = router({});
