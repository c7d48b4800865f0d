import { popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage } from 'pdf-lib';

export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

/**
 * A page as the reader sees it: its displayed size in points, and the matrix (for `cm`) that takes
 * coordinates on the displayed page (origin bottom-left, y up) to the page's own user space, taking
 * the crop box's origin and any /Rotate into account. Scanned PDFs often carry /Rotate 90.
 */
export interface PageFrame {
  width: number;
  height: number;
  matrix: Matrix;
}

function quarterTurns(page: PDFPage): number {
  return Math.round((((page.getRotation().angle % 360) + 360) % 360) / 90) % 4;
}

export function pageFrame(page: PDFPage): PageFrame {
  const { x, y, width: w, height: h } = page.getCropBox();
  switch (quarterTurns(page)) {
    case 1:
      return { width: h, height: w, matrix: [0, 1, -1, 0, x + w, y] };
    case 2:
      return { width: w, height: h, matrix: [-1, 0, 0, -1, x + w, y + h] };
    case 3:
      return { width: h, height: w, matrix: [0, -1, 1, 0, x, y + h] };
    default:
      return { width: w, height: h, matrix: [1, 0, 0, 1, x, y] };
  }
}

/** Grows the page by `band` points below what the reader sees as its bottom edge; nothing on it moves. */
export function extendBottom(page: PDFPage, band: number): void {
  const grow = (box: { x: number; y: number; width: number; height: number }) => {
    switch (quarterTurns(page)) {
      case 1:
        return { ...box, width: box.width + band };
      case 2:
        return { ...box, height: box.height + band };
      case 3:
        return { ...box, x: box.x - band, width: box.width + band };
      default:
        return { ...box, y: box.y - band, height: box.height + band };
    }
  };
  const media = grow(page.getMediaBox());
  const crop = grow(page.getCropBox());
  page.setMediaBox(media.x, media.y, media.width, media.height);
  page.setCropBox(crop.x, crop.y, crop.width, crop.height);
}

/**
 * Encloses the page's existing content in q/Q, so a graphics state it leaves behind (an unbalanced
 * `cm`, a colour) cannot shift or hide what is drawn after it.
 */
export function isolateExistingContent(doc: PDFDocument, page: PDFPage): void {
  const start = doc.context.register(doc.context.contentStream([pushGraphicsState()]));
  const end = doc.context.register(doc.context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}
