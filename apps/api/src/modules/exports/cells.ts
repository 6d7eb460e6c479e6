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
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = neutralize(cell);
  return CSV_SPECIAL.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV record, CRLF-terminated as RFC 4180 has it. */
export function csvLine(cells: readonly Cell[]): string {
  let line = csvCell(cells[0] ?? null);
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i]!)}`;
  return `${line}\r\n`;
}

const TSV_SPECIAL = /[\\\t\r\n]/;
const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' };

/**
 * A TSV field can hold no tab or line break (IANA's text/tab-separated-values), so these and the
 * backslash are written as `\t`, `\n`, `\r` and `\\`, as PostgreSQL's COPY and MySQL's LOAD DATA
 * read them.
 */
function tsvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const text = neutralize(cell);
  return TSV_SPECIAL.test(text) ? text.replace(/[\\\t\r\n]/g, (c) => TSV_ESCAPES[c]!) : text;
}

export function tsvLine(cells: readonly Cell[]): string {
  let line = tsvCell(cells[0] ?? null);
  for (let i = 1; i < cells.length; i++) line += `\t${tsvCell(cells[i]!)}`;
  return `${line}\n`;
}

/** `2026-12-04 01:32:04.123` as MariaDB sends a DATETIME(3) in UTC, in ISO 8601. */
export function isoUtc(value: string | null): string | null {
  return value === null ? null : `${value.slice(0, 10)}T${value.slice(11, 23)}Z`;
}
