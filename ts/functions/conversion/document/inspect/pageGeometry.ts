/** Page size and resolution of one scanned page, as inspectScan reports it. */
export interface InspectedPage {
  /** Pixels of the page image (for a PDF page: as rendered at `dpi`). */
  widthPx?: number;
  heightPx?: number;
  /** Resolution the page is shown and read at: the image's own, or inferred when it declares none. */
  dpi: number;
  /** Size of the page in PDF points (1/72 inch), as displayed (after any /Rotate). */
  widthPt: number;
  heightPt: number;
}

const A4_LONG_SIDE_INCHES = 11.69;

/**
 * The resolution to show an image at. Scanners write 100-1200 dpi; a phone photo says 72 (or nothing),
 * which would make a metre-wide page, so such an image is sized as an A4 sheet instead.
 */
export function effectiveDpi(widthPx: number, heightPx: number, declared?: number): number {
  if (declared !== undefined && declared >= 100 && declared <= 1200) return declared;
  const inferred = Math.max(widthPx, heightPx) / A4_LONG_SIDE_INCHES;
  return Math.min(1200, Math.max(72, Math.round(inferred)));
}

export function imagePage(widthPx: number, heightPx: number, declaredDpi?: number): InspectedPage {
  const dpi = effectiveDpi(widthPx, heightPx, declaredDpi);
  return { widthPx, heightPx, dpi, widthPt: (widthPx * 72) / dpi, heightPt: (heightPx * 72) / dpi };
}
