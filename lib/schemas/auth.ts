import { z } from "zod";
import { authKeySchema, newCredentialsSchema } from "../auth/credentials";

/** The change-password form (passwords stay in the browser)… */
export const changePasswordFormSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256),
  newPassword: z.string().min(1, "Enter a new password").max(256),
});
/** …and what it sends: the current auth key proves the current password. */
export const changePasswordSchema = z.object({
  currentAuthKey: authKeySchema,
  credentials: newCredentialsSchema,
});

export const requestResetSchema = z.object({
  login: z.string().trim().min(1, "Enter your username or email").max(254),
});

export const resetTokenSchema = z.object({ token: z.string().min(20).max(200) });

export const resetPasswordFormSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1, "Enter a new password").max(256),
});
export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  credentials: newCredentialsSchema,
});

/** Sign-in step one: which parameters turn this person's password into their auth key. */
export const signInParamsSchema = z.object({ username: z.string().trim().min(1).max(254) });
