import { CONTENT_WIDTH, INK, PAGE, type PdfWriter } from './pdfLayout.js';
import { winAnsiText } from './winAnsiText.js';

/** A table column: its header, share of the width, and alignment. */
export interface PdfColumn {
  readonly header: string;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

const ROW_HEIGHT = 14;

/** A simple ruled table; the header repeats on every page the rows run onto. */
export function drawPdfTable(writer: PdfWriter, columns: readonly PdfColumn[], rows: readonly (readonly string[])[]): void {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
  const drawRow = (cells: readonly string[], bold: boolean): void => {
    const { doc } = writer;
    const y = doc.y;
    let x = PAGE.margin;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .fillColor(INK.text);
    cells.forEach((cell, i) => {
      doc.text(winAnsiText(cell), x + 2, y + 3, {
        width: widths[i]! - 4,
        align: columns[i]!.align ?? 'right',
        lineBreak: false,
        ellipsis: true,
      });
      x += widths[i]!;
    });
    doc
      .moveTo(PAGE.margin, y + ROW_HEIGHT)
      .lineTo(PAGE.margin + CONTENT_WIDTH, y + ROW_HEIGHT)
      .lineWidth(0.5)
      .strokeColor(INK.rule)
      .stroke();
    doc.y = y + ROW_HEIGHT;
  };
  const header = columns.map((c) => c.header);
  writer.ensure(ROW_HEIGHT * 3);
  drawRow(header, true);
  for (const row of rows) {
    if (writer.remaining() < ROW_HEIGHT) {
      writer.doc.addPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  writer.doc.moveDown(0.6);
}
