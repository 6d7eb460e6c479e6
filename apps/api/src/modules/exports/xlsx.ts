import { constants, crc32, deflateRawSync } from 'node:zlib';
import { neutralize, type Cell, type ColumnType } from './cells';

/**
 * A streaming XLSX writer: the workbook's sheets are written row batch by row batch into a ZIP
 * archive as they come, each batch deflated on its own (a sync flush ends each, so the batches
 * join into one deflate stream), with sizes and CRC in data descriptors after each sheet. Cells
 * are inline strings, numbers and booleans; one style (bold) for the header row. exceljs's
 * streaming writer does the same at about a third of the speed (see the README's Exports).
 */

/** Rows a sheet holds besides its header: Excel opens at most 1 048 576 rows. */
export const SHEET_ROWS = 1_048_575;

/** The longest text Excel keeps in a cell. */
const CELL_TEXT_MAX = 32_767;

/** XML deflated at a time: small enough to stay out of V8's large-object space (see service.ts). */
const CHUNK_CHARS = 32 * 1024;

/** Deflate's level: 4 costs half of level 6's time for a file a few per cent larger. */
const LEVEL = 4;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

// Characters XML 1.0 cannot hold (controls other than tab and line breaks, lone surrogates,
// U+FFFE and U+FFFF) become U+FFFD; a carriage return is written as a reference, so a parser's
// line-end normalization keeps it.
const XML_SPECIAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const XML_SPECIAL_ALL = new RegExp(XML_SPECIAL.source, 'g');
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};

export function xmlText(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(XML_SPECIAL_ALL, (c) => XML_ENTITIES[c] ?? '\ufffd');
}

/** A, B, ..., Z, AA, ...: a column's letters in a cell reference. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function textCell(ref: string, text: string, style = ''): string {
  const value = xmlText(neutralize(text).slice(0, CELL_TEXT_MAX));
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${value}</t></is></c>`;
}

function cellXml(ref: string, cell: Cell, type: ColumnType): string {
  if (cell === null) return '';
  if (typeof cell === 'number' && type === 'int') return `<c r="${ref}"><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  return textCell(ref, String(cell));
}

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
  streamed: boolean;
}

// DOS time and date of 1980-01-01 00:00: the entries carry no meaningful time.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// Bit 3: sizes and CRC follow the data (a data descriptor); bit 11: names are UTF-8.
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;

function localHeader(entry: Entry, method: number): Buffer {
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(FLAG_UTF8 | (entry.streamed ? FLAG_DESCRIPTOR : 0), 6);
  head.writeUInt16LE(method, 8);
  head.writeUInt16LE(DOS_TIME, 10);
  head.writeUInt16LE(DOS_DATE, 12);
  if (!entry.streamed) {
    head.writeUInt32LE(entry.crc, 14);
    head.writeUInt32LE(entry.compressed, 18);
    head.writeUInt32LE(entry.size, 22);
  }
  head.writeUInt16LE(entry.name.length, 26);
  head.writeUInt16LE(0, 28);
  return Buffer.concat([head, entry.name]);
}

function dataDescriptor(entry: Entry): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  descriptor.writeUInt32LE(entry.compressed, 8);
  descriptor.writeUInt32LE(entry.size, 12);
  return descriptor;
}

function centralDirectory(entries: Entry[], offset: number): Buffer {
  const records = entries.map((entry) => {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(FLAG_UTF8 | (entry.streamed ? FLAG_DESCRIPTOR : 0), 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(DOS_TIME, 12);
    record.writeUInt16LE(DOS_DATE, 14);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.compressed, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.offset, 42);
    return Buffer.concat([record, entry.name]);
  });
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([directory, end]);
}

const deflate = (data: Buffer) =>
  deflateRawSync(data, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH });
/** A final deflate block holding nothing: what ends a stream of sync-flushed batches. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

const FOUR_GIB = 2 ** 32;

/** A ZIP archive written front to back; entries are deflated. */
class ZipWriter {
  private entries: Entry[] = [];
  private offset = 0;
  private current: Entry | null = null;

  private advance(chunk: Buffer): Buffer {
    this.offset += chunk.length;
    if (this.offset >= FOUR_GIB) throw new Error('the XLSX file would pass 4 GiB');
    return chunk;
  }

  /** A whole entry at once. */
  file(name: string, text: string): Buffer {
    const data = Buffer.from(text);
    const body = deflateRawSync(data, { level: LEVEL });
    const entry: Entry = {
      name: Buffer.from(name),
      offset: this.offset,
      crc: crc32(data),
      compressed: body.length,
      size: data.length,
      streamed: false,
    };
    this.entries.push(entry);
    return this.advance(Buffer.concat([localHeader(entry, 8), body]));
  }

  /** Starts an entry whose data comes in parts (`part`), ended by `close`. */
  open(name: string): Buffer {
    const entry: Entry = {
      name: Buffer.from(name),
      offset: this.offset,
      crc: 0,
      compressed: 0,
      size: 0,
      streamed: true,
    };
    this.entries.push(entry);
    this.current = entry;
    return this.advance(localHeader(entry, 8));
  }

  part(text: string): Buffer {
    const entry = this.current!;
    const data = Buffer.from(text);
    entry.crc = crc32(data, entry.crc);
    entry.size += data.length;
    if (entry.size >= FOUR_GIB) throw new Error('an XLSX sheet would pass 4 GiB');
    const body = deflate(data);
    entry.compressed += body.length;
    return this.advance(body);
  }

  close(): Buffer {
    const entry = this.current!;
    this.current = null;
    entry.compressed += FINAL_BLOCK.length;
    return this.advance(Buffer.concat([FINAL_BLOCK, dataDescriptor(entry)]));
  }

  finish(): Buffer {
    return centralDirectory(this.entries, this.offset);
  }
}

const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

const SHEET_HEAD =
  `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<sheetViews><sheetView workbookViewId="0">' +
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '</sheetView></sheetViews><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

function workbook(sheetNames: string[]): Record<string, string> {
  const sheets = sheetNames.map((_, i) => i + 1);
  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (n) =>
            `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
      sheets
        .map((n) => `<sheet name="${xmlText(sheetNames[n - 1]!)}" sheetId="${n}" r:id="rId${n}"/>`)
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
      sheets
        .map(
          (n) =>
            `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      '</Relationships>',
    'xl/styles.xml': STYLES,
  };
}

/**
 * The XLSX file of these rows, as they come, a batch at a time: a sheet named `sheetName` (then
 * "name 2", "name 3", ... past SHEET_ROWS rows each), headers in bold and frozen above the rows.
 */
export async function* xlsxFile(
  sheetName: string,
  headers: readonly string[],
  types: readonly ColumnType[],
  batches: AsyncIterable<readonly (readonly Cell[])[]>,
): AsyncGenerator<Buffer> {
  const zip = new ZipWriter();
  const letters = headers.map((_, i) => columnLetters(i));
  const headerRow =
    '<row r="1">' +
    headers.map((h, i) => textCell(`${letters[i]}1`, h, ' s="1"')).join('') +
    '</row>';
  const sheetNames: string[] = [];
  let row = 0;
  const openSheet = () => {
    sheetNames.push(sheetNames.length ? `${sheetName} ${sheetNames.length + 1}` : sheetName);
    row = 1;
    return [
      zip.open(`xl/worksheets/sheet${sheetNames.length}.xml`),
      zip.part(SHEET_HEAD + headerRow),
    ];
  };
  yield* openSheet();
  for await (const batch of batches) {
    let xml = '';
    for (const cells of batch) {
      if (row > SHEET_ROWS) {
        if (xml) yield zip.part(xml);
        xml = '';
        yield zip.part(SHEET_TAIL);
        yield zip.close();
        yield* openSheet();
      }
      row += 1;
      xml += `<row r="${row}">`;
      for (let i = 0; i < cells.length; i++)
        xml += cellXml(`${letters[i]}${row}`, cells[i]!, types[i]!);
      xml += '</row>';
      if (xml.length >= CHUNK_CHARS) {
        yield zip.part(xml);
        xml = '';
      }
    }
    if (xml) yield zip.part(xml);
  }
  yield zip.part(SHEET_TAIL);
  yield zip.close();
  for (const [name, text] of Object.entries(workbook(sheetNames))) yield zip.file(name, text);
  yield zip.finish();
}
