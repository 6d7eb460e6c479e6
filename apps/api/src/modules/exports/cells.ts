/** One cell of an exported row: text (dates are ISO 8601 UTC text), a number, a flag, or empty. */
export type Cell = string | number | boolean | null;

/** What a column holds; `int` columns are numbers in XLSX, never neutralized text. */
export type ColumnType = 'int' | 'text' | 'bool';

/** The UTF-8 byte order mark: Excel reads a CSV without one in the machine's code page. */
export const BOM = '\uFEFF';

// = + - @ tab and carriage return: what spreadsheets take as the start of a formula.
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/**
 * Text a spreadsheet would read as a formula (OWASP's list of first characters) gets a leading
 * apostrophe, which spreadsheets show as text and never evaluate.
 */
export function neutralize(text: string): string {
  return text.length && FORMULA_START.has(text.charCodeAt(0)) ? `'${text}` : text;
}

const CSV_SPECIAL = /[",\r\n]/;

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(text: string): string {
  return CSV_SPECIAL.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const TSV_SPECIAL = /[\\\t\r\n]/;
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' };

/**
 * A TSV field can hold no tab or line break (IANA's text/tab-separated-values), so these and the
 * backslash are written as `\t`, `\n`, `\r` and `\\`, as PostgreSQL's COPY and MySQL's LOAD DATA
 * read them.
 */
function tsvField(text: string): string {
  return TSV_SPECIAL.test(text) ? text.replace(/[\\\t\r\n]/g, (c) => TSV_ESCAPES[c]!) : text;
}

/**
 * A delimited text format: how a text field is escaped, what separates fields and ends a line
 * (ASCII, so each character is one byte).
 */
export interface TextFormat {
  field: (text: string) => string;
  separator: string;
  end: string;
}

/** RFC 4180's CSV, CRLF-terminated. */
export const CSV: TextFormat = { field: csvField, separator: ',', end: '\r\n' };
export const TSV: TextFormat = { field: tsvField, separator: '\t', end: '\n' };

function fieldOf(format: TextFormat, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  return format.field(neutralize(cell));
}

/** A record of the format as text (the header line). */
export function textLine(format: TextFormat, cells: readonly Cell[]): string {
  return cells.map((cell) => fieldOf(format, cell)).join(format.separator) + format.end;
}

/**
 * Encodes a record into `buffer` from `at`, field by field (no line is made as one string), and
 * returns where it ends; -1, with the buffer's bytes from `at` undefined, when it may not fit.
 */
export function writeLine(
  format: TextFormat,
  cells: readonly Cell[],
  buffer: Buffer,
  at: number,
): number {
  let offset = at;
  const last = cells.length - 1;
  for (let i = 0; i <= last; i++) {
    const text = fieldOf(format, cells[i]!);
    // UTF-8 takes at most 3 bytes for each UTF-16 code unit, and the separator or end 2 more.
    if (offset + text.length * 3 + 2 > buffer.length) return -1;
    if (text.length) offset += buffer.write(text, offset);
    if (i < last) {
      buffer[offset++] = format.separator.charCodeAt(0);
    } else {
      for (let c = 0; c < format.end.length; c++) buffer[offset++] = format.end.charCodeAt(c);
    }
  }
  return offset;
}

/** How many bytes `writeLine` may need for a record: what a buffer for it must hold. */
function lineRoom(format: TextFormat, cells: readonly Cell[]): number {
  let room = 0;
  for (const cell of cells) room += fieldOf(format, cell).length * 3 + 2;
  return room;
}

/**
 * Records as the format's lines, encoded into chunks of `chunkBytes` (a longer line gets a chunk
 * of its own): no text longer than a field is made, no line or chunk string to build and flatten.
 */
export function linesOf(format: TextFormat, rows: readonly Cell[][], chunkBytes: number): Buffer[] {
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  for (const row of rows) {
    let end = writeLine(format, row, chunk, used);
    if (end < 0) {
      if (used) chunks.push(chunk.subarray(0, used));
      chunk = Buffer.allocUnsafe(Math.max(chunkBytes, lineRoom(format, row)));
      end = writeLine(format, row, chunk, 0);
    }
    used = end;
  }
  if (used) chunks.push(chunk.subarray(0, used));
  return chunks;
}

/** `2026-12-04 01:32:04.123` as MariaDB sends a DATETIME(3) in UTC, in ISO 8601. */
export function isoUtc(value: string | null): string | null {
  return value === null ? null : `${value.slice(0, 10)}T${value.slice(11, 23)}Z`;
}
