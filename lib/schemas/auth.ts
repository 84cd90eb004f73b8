import { z } from "zod";
import { EMAIL_MAX } from "./common";
import { PASSWORD_MAX } from "./user";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
  newPassword: z.string().min(1, "Enter a new password").max(PASSWORD_MAX),
});

export const requestResetSchema = z.object({
  login: z.string().trim().min(1, "Enter your username or email").max(EMAIL_MAX),
});

export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1, "Enter a new password").max(PASSWORD_MAX),
});
