import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { winAnsiText } from './winAnsiText.js';

/** A4 in points, with the margins every page keeps. */
export const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The colours of the HTML report's stylesheet, for the same look on paper. */
export const INK = { text: '#1d2733', muted: '#5b6673', rule: '#d6dbe1', critical: '#b42318', warning: '#b54708', info: '#175cd3' };

/**
 * A PDFKit document with the helpers a report needs: headings, paragraphs and charts that
 * move to a new page when they do not fit. Text goes through {@link winAnsiText} because
 * the standard fonts are WinAnsi.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(info: { title: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: PAGE.margin,
      bufferPages: true,
      // A fixed creation date (the report's own clock) keeps the same input's bytes stable.
      info: {
        Title: winAnsiText(info.title),
        Producer: 'PerfAnalysis reports',
        Creator: 'PerfAnalysis reports',
        CreationDate: info.createdAt,
      },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** Vertical space left on the current page, in points. */
  remaining(): number {
    return PAGE.height - PAGE.margin - this.doc.y;
  }

  /** Starts a new page unless at least `points` remain on this one. */
  ensure(points: number): void {
    if (this.remaining() < points) this.doc.addPage();
  }

  heading(text: string, size: number): void {
    this.ensure(size * 3);
    this.doc.font('Helvetica-Bold').fontSize(size).fillColor(INK.text).text(winAnsiText(text), PAGE.margin, this.doc.y);
    this.doc.moveDown(0.4);
  }

  paragraph(text: string, options: { size?: number; color?: string; bold?: boolean } = {}): void {
    this.doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? INK.text)
      .text(winAnsiText(text), PAGE.margin, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(0.3);
  }

  /** An SVG chart scaled to the content width: vector paths and selectable text. */
  svg(markup: string, width: number, height: number): void {
    const scaledHeight = (height * CONTENT_WIDTH) / width;
    this.ensure(scaledHeight + 8);
    // Drawing the SVG's text moves PDFKit's cursor: place the next block from where the chart began.
    const top = this.doc.y;
    SVGtoPDF(this.doc, winAnsiText(markup), PAGE.margin, top, { width: CONTENT_WIDTH, height: scaledHeight });
    this.doc.y = top + scaledHeight + 8;
  }

  /** "page i of n" in every footer, then the finished file. */
  finish(footer: string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Below the bottom margin PDFKit would start a new page: lift the margin for the footer.
      this.doc.page.margins.bottom = 0;
      const y = PAGE.height - PAGE.margin + 12;
      this.doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor(INK.muted)
        .text(winAnsiText(`${footer} · page ${i + 1} of ${range.count}`), PAGE.margin, y, { width: CONTENT_WIDTH, lineBreak: false });
    }
    this.doc.end();
    return this.done;
  }
}
