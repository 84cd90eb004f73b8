/** Trunk (SIP provider) schemas, shared by the admin form and the trunk router. */
import { z } from "zod";
import { HOSTNAME_PATTERN, idSchema, listInputSchema } from "./common";

export const TRUNK_DRIVERS = ["LOOPBACK", "FREESWITCH", "HTTP_API"] as const;
export type TrunkDriverName = (typeof TRUNK_DRIVERS)[number];

export const TRUNK_DRIVER_LABELS: Record<TrunkDriverName, string> = {
  LOOPBACK: "Loopback — built-in virtual PSTN",
  FREESWITCH: "FreeSWITCH",
  HTTP_API: "HTTP API",
};

/** A SIP host: a hostname, an IPv4 address, or an IPv6 address (brackets allowed, stored bare). */
export const sipHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the host")
  .max(253)
  .transform((value) => value.replace(/^\[(.*)\]$/, "$1"))
  .refine(
    (value) => {
      if (value.includes(":")) return z.ipv6().safeParse(value).success;
      // All digits and dots is meant as IPv4; without this "999.1.1.1" would pass as a hostname.
      if (/^[\d.]+$/.test(value)) return z.ipv4().safeParse(value).success;
      return HOSTNAME_PATTERN.test(value);
    },
    { message: "Enter a hostname (sip.example.com) or an IPv4/IPv6 address, without port or sip:" },
  );

export const TRUNK_NAME_MAX = 80;
export const SIP_USERNAME_MAX = 128;
export const SIP_PASSWORD_MAX = 256;
/** [min, max] of the trunk's numbers, for the schema and the form's min/max alike. */
export const TRUNK_NUMBER_BOUNDS = {
  port: [1, 65535],
  maxChannels: [1, 1000],
  maxCallsPerMinute: [1, 6000],
} as const;

const int = (label: string, [min, max]: readonly [number, number]) =>
  z
    .number({ message: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be between ${min} and ${max}`)
    .max(max, `${label} must be between ${min} and ${max}`);

const trunkFields = z.object({
  name: z.string().trim().min(1, "Enter a name for the trunk").max(TRUNK_NAME_MAX),
  active: z.boolean().default(true),
  gatewayType: z.literal("SIP", { message: "Only SIP gateways are supported" }).default("SIP"),
  driver: z.enum(TRUNK_DRIVERS, { message: "Choose a driver" }),
  ipAuth: z.boolean().default(false),
  sipUsername: z.string().trim().max(SIP_USERNAME_MAX).default(""),
  /** Plain text only on the way in; on update an empty value keeps the stored password. */
  sipPassword: z.string().max(SIP_PASSWORD_MAX).default(""),
  host: sipHostSchema,
  port: int("Port", TRUNK_NUMBER_BOUNDS.port).default(5060),
  maxChannels: int("Max channels", TRUNK_NUMBER_BOUNDS.maxChannels).default(4),
  maxCallsPerMinute: int("Max calls per minute", TRUNK_NUMBER_BOUNDS.maxCallsPerMinute).default(30),
});
type TrunkFields = z.infer<typeof trunkFields>;

/** IP-authenticated trunks carry no credentials; the others need a username (and a password). */
/** Said by the form, the schema and the server alike (an update may keep the stored password). */
export const SIP_PASSWORD_REQUIRED = "SIP password is required (or turn on IP authentication)";

function checkCredentials(requirePassword: boolean) {
  return (v: TrunkFields, ctx: z.RefinementCtx) => {
    if (v.ipAuth) {
      if (v.sipUsername) {
        ctx.addIssue({
          code: "custom",
          path: ["sipUsername"],
          message: "Leave the SIP username empty with IP authentication",
        });
      }
      if (v.sipPassword) {
        ctx.addIssue({
          code: "custom",
          path: ["sipPassword"],
          message: "Leave the SIP password empty with IP authentication",
        });
      }
      return;
    }
    if (!v.sipUsername) {
      ctx.addIssue({
        code: "custom",
        path: ["sipUsername"],
        message: "SIP username is required (or turn on IP authentication)",
      });
    }
    if (requirePassword && !v.sipPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["sipPassword"],
        message: SIP_PASSWORD_REQUIRED,
      });
    }
  };
}

export const trunkCreateSchema = trunkFields.superRefine(checkCredentials(true));
export type TrunkCreateInput = z.infer<typeof trunkCreateSchema>;

export const trunkUpdateSchema = trunkFields.extend({ id: idSchema }).superRefine(checkCredentials(false));
export type TrunkUpdateInput = z.infer<typeof trunkUpdateSchema>;

export const trunkListSchema = listInputSchema;
export const trunkIdSchema = z.object({ id: idSchema });
