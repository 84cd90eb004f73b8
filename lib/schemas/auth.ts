import { z } from "zod";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(256),
  newPassword: z.string().min(1, "Enter a new password").max(256),
});

export const requestResetSchema = z.object({
  login: z.string().trim().min(1, "Enter your username or email").max(254),
});

export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1, "Enter a new password").max(256),
});
