/** User schemas, shared by the admin forms and the user router. */
import { z } from "zod";
import { newCredentialsSchema } from "../auth/credentials";
import { PERMISSIONS } from "../roles";
import { emailSchema, idSchema, listInputSchema, visibleTextSchema } from "./common";

export const USERNAME_MAX = 254;
export const PASSWORD_MAX = 256;
export const PERSON_NAME_MAX = 80;
export const PHONE_TEXT_MAX = 40;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters for the username")
  .max(USERNAME_MAX)
  .regex(/^[a-z0-9._@+-]+$/, "Username may use letters, digits and . _ - @ +");

/** Roles as the admin ticks them: user + tenant together is saved as tenant admin. */
export const roleChoicesSchema = z
  .object({
    user: z.boolean().default(true),
    tenant: z.boolean().default(false),
    admin: z.boolean().default(false),
  })
  .refine((r) => r.user || r.tenant || r.admin, "Tick at least one role")
  .meta({ examples: [{ user: true, tenant: false, admin: false }] }); // for generated test inputs
export type RoleChoices = z.infer<typeof roleChoicesSchema>;

const passwordSchema = z.string().min(1, "Enter or generate a password").max(PASSWORD_MAX);
const nameSchema = visibleTextSchema.max(PERSON_NAME_MAX);
const phoneSchema = z.string().trim().max(PHONE_TEXT_MAX);

const userCreateFields = z.object({
  // null → a platform admin (platform admins only); undefined → the form has no tenant chosen yet
  tenantId: z.uuid({ error: (i) => (i.input === undefined ? "Choose an organisation" : "Not a valid id") }).nullable(),
  email: emailSchema,
  useEmailAsUsername: z.boolean().default(true),
  username: usernameSchema.optional(),
  firstName: nameSchema.default(""),
  lastName: nameSchema.default(""),
  phone: phoneSchema.optional(),
  roles: roleChoicesSchema,
  permissions: z.array(z.enum(PERMISSIONS)).default([]),
  mustChangePassword: z.boolean().default(true),
});

function checkCreate(v: z.infer<typeof userCreateFields>, ctx: z.RefinementCtx) {
  if (v.useEmailAsUsername) {
    // The email becomes the sign-in name, so it must also be a valid username.
    const asUsername = usernameSchema.safeParse(v.email);
    if (!asUsername.success) {
      ctx.addIssue({
        code: "custom",
        path: ["email"],
        message: "This email cannot be a username; enter a username instead",
      });
    }
  } else if (!v.username) {
    ctx.addIssue({ code: "custom", path: ["username"], message: "Enter a username" });
  }
  if (v.roles.admin && v.tenantId !== null) {
    ctx.addIssue({ code: "custom", path: ["roles"], message: "Platform admins do not belong to a tenant" });
  }
  if (!v.roles.admin && v.tenantId === null) {
    ctx.addIssue({
      code: "custom",
      path: ["roles"],
      message: "An account without a tenant must be a platform admin",
    });
  }
}

/** What the admin's form checks: it has the password, which never leaves the browser. */
export const userCreateFormSchema = userCreateFields.extend({ password: passwordSchema }).superRefine(checkCreate);
/** What the server receives: the credentials the form derived from that password. */
export const userCreateSchema = userCreateFields.extend({ credentials: newCredentialsSchema }).superRefine(checkCreate);
export type UserCreateInput = z.infer<typeof userCreateSchema>;

/** The sign-in name a create request asks for (the email, or the username entered). */
export function usernameFor(input: Pick<UserCreateInput, "email" | "useEmailAsUsername" | "username">): string {
  return input.useEmailAsUsername ? input.email : (input.username ?? "");
}

export const userUpdateSchema = z.object({
  id: idSchema,
  email: emailSchema,
  firstName: nameSchema,
  lastName: nameSchema,
  phone: phoneSchema.nullable(),
  roles: roleChoicesSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const userListSchema = listInputSchema.extend({ tenantId: idSchema.optional() });
export type UserListInput = z.infer<typeof userListSchema>;

export const userIdSchema = z.object({ id: idSchema });

export const userNewPasswordRulesSchema = z.object({ tenantId: idSchema.nullable() });

export const userSetPasswordFormSchema = z.object({
  id: idSchema,
  password: passwordSchema,
  mustChangePassword: z.boolean().default(true),
});
export const userSetPasswordSchema = z.object({
  id: idSchema,
  credentials: newCredentialsSchema,
  mustChangePassword: z.boolean().default(true),
});
export type UserSetPasswordInput = z.infer<typeof userSetPasswordSchema>;

/** The role checkboxes that represent a stored role (the inverse of roleFromChoices). */
export function choicesFromRole(role: "PLATFORM_ADMIN" | "TENANT_ADMIN" | "USER"): RoleChoices {
  if (role === "PLATFORM_ADMIN") return { user: false, tenant: false, admin: true };
  return { user: true, tenant: role === "TENANT_ADMIN", admin: false };
}
