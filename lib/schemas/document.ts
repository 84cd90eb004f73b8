/** Document library schemas, shared by the Documents page and the document router. */
import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "../documents/document-limits";
import { DOCUMENT_TYPES, type DocumentType } from "../documents/document-types";
import { idSchema } from "./common";
import { FAX_QUALITIES } from "./fax";

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];
export const DOCUMENT_STATUSES = ["UPLOADING", "PROCESSING", "READY", "INVALID"] as const;

/** Base64 (standard or URL-safe) of sealed boxes and encrypted names; lengths are checked as bytes later. */
const cipherText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is missing`)
    .max(max, `${what} is too long`)
    .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, `${what} is damaged`)
    // What generated inputs (the isolation tests) use: well-formed base64url the server then refuses as bytes.
    .meta({ examples: ["AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"] });

/** A typed name of up to 200 characters, encrypted: version, nonce, UTF-8 and tag fit in 1 KB of base64. */
export const nameCipherSchema = cipherText("The document's name", 1400);
const sealedKeySchema = (what: string) => cipherText(what, 400);

export const documentCreateSchema = z.object({
  nameCipher: nameCipherSchema,
  kind: z.enum(DOCUMENT_KINDS, { message: "This type of file cannot be faxed" }),
  quality: z.enum(FAX_QUALITIES).default("FINE"),
  sizeBytes: z
    .number()
    .int()
    .min(1, "The file is empty")
    .max(MAX_DOCUMENT_BYTES, `A document is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`),
  ownerSealedKey: sealedKeySchema("Your copy of the document key"),
  ownerKeyFor: sealedKeySchema("Your public key"),
  tenantSealedKey: sealedKeySchema("The organisation's copy of the document key"),
  gatewaySealedKey: sealedKeySchema("The fax gateway's copy of the document key"),
});
export type DocumentCreateInput = z.infer<typeof documentCreateSchema>;

export const documentListSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(200).default(50),
  /** Mine: the caller's own; all: the organisation's (organisation admins). */
  view: z.enum(["mine", "all"]).default("mine"),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  /** Only documents that can be faxed now (the Send fax page's chooser). */
  readyOnly: z.boolean().default(false),
});
export type DocumentListInput = z.infer<typeof documentListSchema>;

export const documentIdSchema = z.object({ id: idSchema });
export const documentRenameSchema = z.object({ id: idSchema, nameCipher: nameCipherSchema });

/** The parts of a document that can be fetched (all ciphertext under the document key). */
export const DOCUMENT_PARTS = [
  "original",
  "view.pdf",
  "fax-standard.tif",
  "fax-fine.tif",
  "fax-superfine.tif",
  "fax-standard.pdf",
  "fax-fine.pdf",
  "fax-superfine.pdf",
] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];
export const documentPartSchema = z.enum(DOCUMENT_PARTS);
