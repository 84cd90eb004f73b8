/** The accepted types live in lib/ (the browser offers them too); the converter reads them from there. */
export * from "@/lib/documents/document-types";
