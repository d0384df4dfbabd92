declare module 'svg-to-pdfkit' {
  /** Draws an SVG (markup) onto a PDFKit document as vector paths and real text. */
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: { width?: number; height?: number; preserveAspectRatio?: string },
  ): void;
}
