/** User schemas, shared by the admin forms and the user router. */
import { z } from "zod";
import { PERMISSIONS } from "../roles";
import { emailSchema, idSchema, listInputSchema } from "./common";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Username needs 3+ characters")
  .max(254)
  .regex(/^[a-z0-9._@+-]+$/, "Username may use letters, digits and . _ - @ +");

/** Roles as the admin ticks them: user + tenant together is saved as tenant admin. */
export const roleChoicesSchema = z.object({
  user: z.boolean().default(true),
  tenant: z.boolean().default(false),
  admin: z.boolean().default(false),
});

export const userCreateSchema = z.object({
  tenantId: idSchema.nullable(), // null → platform admin (platform admins only)
  email: emailSchema,
  useEmailAsUsername: z.boolean().default(true),
  username: usernameSchema.optional(),
  firstName: z.string().trim().max(80).default(""),
  lastName: z.string().trim().max(80).default(""),
  phone: z.string().trim().max(40).optional(),
  roles: roleChoicesSchema,
  permissions: z.array(z.enum(PERMISSIONS)).default([]),
  password: z.string().min(1, "Enter or generate a password").max(256),
  mustChangePassword: z.boolean().default(true),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  id: idSchema,
  email: emailSchema,
  firstName: z.string().trim().max(80),
  lastName: z.string().trim().max(80),
  phone: z.string().trim().max(40).nullable(),
  roles: roleChoicesSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const userListSchema = listInputSchema.extend({ tenantId: idSchema.optional() });
export const userIdSchema = z.object({ id: idSchema });
export const userSetPasswordSchema = z.object({
  id: idSchema,
  password: z.string().min(1).max(256),
  mustChangePassword: z.boolean().default(true),
});
