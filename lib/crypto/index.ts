/** The zero-knowledge envelope shared by the browser and the gateway (see DESIGN.md, "Documents nobody else can read"). */
export * from "./content-stream";
export * from "./crypto-error";
export * from "./document-key";
export * from "./encoding";
export * from "./gateway-grant";
export * from "./key-schedule";
export * from "./sealed-box";
export * from "./sodium";
export * from "./tenant-keys";
export * from "./user-keys";
