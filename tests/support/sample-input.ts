/**
 * Builds inputs for any tRPC procedure from its zod input schema (via JSON Schema), filling ids
 * with a chosen victim id and strings with the victim tenant's own values — so the isolation test
 * covers procedures nobody wrote a case for.
 */
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  examples?: unknown[];
};

export interface Victim {
  /** the id to put in `id`-like fields for this call */
  id: string;
  /** ids by field name (tenantId → the victim tenant, userId → a victim user …) */
  idsByKey: Record<string, string>;
  username: string;
  email: string;
  hostname: string;
  phone: string;
  text: string;
}

const PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

export function inputSchemaOf(procedure: unknown): JsonSchema | null {
  const inputs = (procedure as { _def: { inputs: unknown[] } })._def.inputs;
  if (!inputs.length) return null;
  const merged = inputs.length === 1 ? inputs[0] : z.intersection(inputs[0] as z.ZodType, inputs[1] as z.ZodType);
  return z.toJSONSchema(merged as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

export function sampleFor(schema: JsonSchema, victim: Victim, key = ""): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const nonNull = options.find((o) => o.type !== "null") ?? options[0]!;
    return sampleFor(nonNull, victim, key);
  }
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sampleFor(s, victim, key) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(schema.properties ?? {})) out[k] = sampleFor(sub, victim, k);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sampleFor(schema.items ?? {}, victim, key),
      );
    case "integer":
    case "number": {
      // The smallest allowed value satisfies the usual cross-field rules (min ≤ max, daily ≤ monthly…).
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(min, key === "page" ? 1 : min), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case "boolean":
      return true;
    case "null":
      return null;
    case "string":
      return sampleString(schema, victim, key);
    default:
      return undefined;
  }
}

function sampleString(schema: JsonSchema, victim: Victim, key: string): string {
  const k = key.toLowerCase();
  let value: string;
  if (schema.format === "uuid") value = k === "id" ? victim.id : (victim.idsByKey[key] ?? victim.id);
  else if (schema.format === "email" || k.includes("email")) value = victim.email;
  else if (k.includes("password")) value = "Leak-Test-Passw0rd!";
  else if (k.includes("mime")) value = "image/png";
  else if (k.includes("base64") || k === "data") value = PNG_1PX;
  else if (k.includes("token")) value = "x".repeat(43);
  else if (k.includes("host") || k.includes("domain")) value = victim.hostname;
  else if (k.includes("number") || k.includes("phone") || k === "to" || k.includes("callerid")) value = victim.phone;
  else if (k.includes("username") || k === "login" || k === "search") value = victim.username;
  // A name typed to confirm (deleting an organisation) is the victim's own, so only access decides.
  else if (k === "confirmname") value = victim.text;
  else value = victim.text;
  if (schema.maxLength !== undefined) value = value.slice(0, schema.maxLength);
  while (schema.minLength !== undefined && value.length < schema.minLength) value += "x";
  return value;
}
