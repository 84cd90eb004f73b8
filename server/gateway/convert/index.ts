/** Document conversion for gateway jobs; see convert-document.ts for the pipeline. */

export { withConversionDir } from "./conversion-dir";
export { type ConversionLimits, FAX_RESOLUTION, type FaxQuality, faxQualitySchema } from "./conversion-options";
export {
  type ConversionResult,
  type Converted,
  convertDocument,
  convertDocuments,
  DISCOURAGED_IMAGE_WARNING,
  type InputFile,
} from "./convert-document";
export { DOCUMENT_TYPES, type DocumentType } from "./file-types";
