import { z } from "zod";
import { authKeySchema, newCredentialsSchema } from "../auth/credentials";
import { EMAIL_MAX } from "./common";
import { PASSWORD_MAX } from "./user";

/** The change-password form (passwords stay in the browser)… */
export const changePasswordFormSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
  newPassword: z.string().min(1, "Enter a new password").max(PASSWORD_MAX),
});
/** …and what it sends: the current auth key proves the current password. */
export const changePasswordSchema = z.object({
  currentAuthKey: authKeySchema,
  credentials: newCredentialsSchema,
});

export const requestResetSchema = z.object({
  login: z.string().trim().min(1, "Enter your username or email").max(EMAIL_MAX),
});

export const resetTokenSchema = z.object({ token: z.string().min(20).max(200) });

export const resetPasswordFormSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1, "Enter a new password").max(PASSWORD_MAX),
});
export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  credentials: newCredentialsSchema,
});

/** Sign-in step one: which parameters turn this person's password into their auth key. */
export const signInParamsSchema = z.object({ username: z.string().trim().min(1).max(254) });
