/**
 * Reasons the service itself refuses an upload before (or besides) looking at its bytes. The document
 * pipeline's ScanRejectedError covers the bytes (type, corruption, limits); these cover the blob's
 * name and metadata. Both end as a `rejected` record a clerk can read.
 */
export type RequestRejectionCode =
  | 'bad-path'
  | 'unsupported-type'
  | 'missing-converter'
  | 'bad-converter'
  | 'bad-purpose'
  | 'bad-language'
  | 'bad-flag'
  | 'bad-metadata-encoding';

export class ConversionRejectedError extends Error {
  constructor(
    readonly code: RequestRejectionCode,
    readonly reasonVi: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
    this.name = 'ConversionRejectedError';
  }
}
