import { SCAN_LIMIT_DEFAULTS, scanLimitSettings } from '../../core/config';

/** What a scan may cost before it is decoded: checked from its headers by inspectScan. */
export interface ScanLimits {
  maxBytes: number;
  maxPages: number;
  /** Pixels of one page image (width x height); a decoded RGBA page costs 4 bytes per pixel. */
  maxPixelsPerPage: number;
}

/** 100 MB, 500 pages, 50 megapixels a page. */
export const DEFAULT_SCAN_LIMITS: Readonly<ScanLimits> = SCAN_LIMIT_DEFAULTS;

/** The limits from the app settings SCAN_MAX_BYTES, SCAN_MAX_PAGES, SCAN_MAX_PIXELS_PER_PAGE. */
export function scanLimits(): ScanLimits {
  return scanLimitSettings();
}
