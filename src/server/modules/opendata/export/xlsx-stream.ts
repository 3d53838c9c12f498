import { ZipStream } from './zip-stream';

/**
 * The smallest valid .xlsx (Office Open XML spreadsheet): one worksheet part per sheet, every cell
 * an inline string (codes keep their leading zeros; no shared-string table to hold in memory).
 */
export type XlsxSheet = { name: string; rows: AsyncIterable<string[]> };

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export async function* xlsxStream(sheets: AsyncIterable<XlsxSheet>): AsyncGenerator<Buffer> {
  const zip = new ZipStream();
  const names: string[] = [];
  for await (const sheet of sheets) {
    names.push(sheet.name);
    yield* zip.entry(`xl/worksheets/sheet${names.length}.xml`, sheetXml(sheet.rows));
  }
  if (names.length === 0) {
    // Excel refuses a workbook without a sheet.
    names.push('Sheet1');
    yield* zip.entry('xl/worksheets/sheet1.xml', sheetXml(emptyRows()));
  }
  yield* zip.entry('xl/workbook.xml', [workbookXml(names)]);
  yield* zip.entry('xl/_rels/workbook.xml.rels', [workbookRels(names.length)]);
  yield* zip.entry('_rels/.rels', [
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  yield* zip.entry('[Content_Types].xml', [contentTypes(names.length)]);
  yield zip.finish();
}

async function* emptyRows(): AsyncGenerator<string[]> {}

/** A worksheet, a few hundred rows per chunk. */
async function* sheetXml(rows: AsyncIterable<string[]>): AsyncGenerator<string> {
  yield `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>`;
  let line = 0;
  let buffer = '';
  for await (const cells of rows) {
    line++;
    buffer += rowXml(cells, line);
    if (buffer.length > 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}</sheetData></worksheet>`;
}

function rowXml(cells: string[], line: number): string {
  let xml = `<row r="${line}">`;
  cells.forEach((value, index) => {
    if (value === '') return;
    const preserve = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
    xml += `<c r="${columnName(index)}${line}" t="inlineStr"><is><t${preserve}>${escapeXml(value)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Characters XML 1.0 cannot carry at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

function workbookXml(names: string[]): string {
  const sheets = names
    .map(
      (name, i) =>
        `<sheet name="${escapeXml(name).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(count: number): string {
  const rels = Array.from(
    { length: count },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`;
}

function contentTypes(count: number): string {
  const sheets = Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${sheets}</Types>`
  );
}
