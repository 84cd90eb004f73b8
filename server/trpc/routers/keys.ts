/** My key pair: fetched to unlock in the browser; set up once for accounts made before keys existed. */
import { storedKeysSchema } from "@/lib/auth/credentials";
import { myKeys, setUpMyKeys } from "../../keys/my-keys";
import { protectedProcedure, router } from "../init";

export const keysRouter = router({
  mine: protectedProcedure.meta({ allowDuringPasswordChange: true }).query(({ ctx }) => myKeys({ ctx })),
  setUp: protectedProcedure
    .meta({ allowDuringPasswordChange: true })
    .input(storedKeysSchema)
    .mutation(async ({ ctx, input }) => {
      await setUpMyKeys({ ctx, keys: input });
      return { ok: true };
    }),
});
