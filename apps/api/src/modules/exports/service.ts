import { Readable } from 'node:stream';
import {
  EXPORT_COLUMNS,
  EXPORT_HEADERS,
  type AuditExportParams,
  type BlogExportParams,
  type CommentExportParams,
  type ExportFormat,
  type ExportKind,
  type Locale,
  type UserExportParams,
} from '@folio/schema';
import type { AdminUserRepository } from '../admin-users/repository';
import type { AuditContext, AuditLog } from '../audit/service';
import {
  BOM,
  CSV,
  isoUtc,
  linesOf,
  textLine,
  TSV,
  type Cell,
  type ColumnType,
  type TextFormat,
} from './cells';
import type { ExportRepository, ExportSource, RawRow } from './repository';
import { xlsxFile } from './xlsx';

export interface ExportParamsOf {
  users: UserExportParams;
  blogs: BlogExportParams;
  comments: CommentExportParams;
  audit: AuditExportParams;
}

export interface ExportFile {
  /** Rows the file holds, counted before the first is read. */
  rows: number;
  filename: string;
  contentType: string;
  body: Readable;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Rows read per statement: large enough that a statement's round trip costs little per row. */
export const EXPORT_BATCH = 1_000;

/** Bytes of a text file's lines written out at a time (`linesOf`). */
export const CHUNK_BYTES = 64 * 1024;

const TYPES: { [K in ExportKind]: ColumnType[] } = {
  users: ['int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
  blogs: [
    'int',
    'text',
    'int',
    'text',
    'text',
    'bool',
    'text',
    'int',
    'int',
    'text',
    'text',
    'text',
  ],
  comments: ['int', 'int', 'text', 'int', 'text', 'int', 'text', 'text', 'int', 'text', 'text'],
  audit: ['int', 'text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
};

const text = (value: unknown): string | null => (value === null ? null : String(value));
const date = (value: unknown) => isoUtc(value as string | null);
const json = (value: unknown): string | null =>
  value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * A batch's cells made from its raw rows in place: the driver already gives integers as numbers
 * and text as strings, so `convert` rewrites only the columns that differ (dates, flags, states).
 * No second array per row: a million-row export makes a million fewer.
 */
const inPlace =
  (convert: (row: RawRow) => void) =>
  async (rows: RawRow[]): Promise<Cell[][]> => {
    for (const row of rows) convert(row);
    return rows as Cell[][];
  };

export interface ExportServiceDeps {
  repo: ExportRepository;
  users: Pick<AdminUserRepository, 'contacts' | 'rolesOf'>;
  audit: Pick<AuditLog, 'record'>;
  batchSize?: number;
  now?: () => Date;
}

/** Files of the admin tables, streamed from the database a batch at a time. */
export function createExportService({
  repo,
  users,
  audit,
  batchSize = EXPORT_BATCH,
  now = () => new Date(),
}: ExportServiceDeps) {
  /** Each kind's raw rows as the cells of its columns (EXPORT_COLUMNS' order). */
  const cellsOf: { [K in ExportKind]: (rows: RawRow[]) => Promise<Cell[][]> } = {
    async users(rows) {
      const ids = rows.map((row) => row[0] as number);
      const [contacts, roles] = await Promise.all([users.contacts(ids), users.rolesOf(ids)]);
      return rows.map(([id, nickname, status, deletedAt, createdAt, lastLoginAt, lastLoginIp]) => {
        const contact = contacts.get(id as number);
        return [
          id as number,
          text(nickname),
          contact?.email ?? null,
          contact?.phone ?? null,
          deletedAt === null ? text(status) : 'deleted',
          (roles.get(id as number) ?? []).map((role) => role.name).join(', '),
          date(createdAt),
          date(lastLoginAt),
          text(lastLoginIp),
        ];
      });
    },
    blogs: inPlace((r) => {
      r[4] = r[11] === null ? text(r[4]) : 'trashed';
      r[5] = Boolean(r[5]);
      r[6] = date(r[6]);
      r[9] = date(r[9]);
      r[10] = date(r[10]);
      r[11] = date(r[11]);
    }),
    comments: inPlace((r) => {
      r[7] = r[7] === null ? 'visible' : 'deleted';
      r[9] = date(r[9]);
      r[10] = date(r[10]);
    }),
    audit: inPlace((r) => {
      r[1] = date(r[1]);
      r[9] = json(r[9]);
      r[10] = json(r[10]);
    }),
  };

  /** A text file: its header line, then each batch's chunks of lines as `encode` wrote them. */
  async function* textFile(
    headers: string[],
    format: TextFormat,
    batches: AsyncIterable<Buffer[]>,
  ): AsyncGenerator<Buffer> {
    yield Buffer.from(BOM + textLine(format, headers));
    for await (const chunks of batches) yield* chunks;
  }

  function sourceOf<K extends ExportKind>(kind: K, params: ExportParamsOf[K]): ExportSource {
    // Each kind's repository method takes that kind's params.
    const read = repo[kind] as (p: ExportParamsOf[K]) => ExportSource;
    return read(params);
  }

  return {
    /**
     * Counts the rows, records the export in the audit log and returns the file to stream: the
     * rows are read as the response takes them, and no more once it is closed.
     */
    async start<K extends ExportKind>(
      context: AuditContext,
      kind: K,
      params: ExportParamsOf[K],
      locale: Locale,
    ): Promise<ExportFile> {
      const source = sourceOf(kind, params);
      const rows = await source.count();
      const {
        format,
        ids,
        sort: _sort,
        ...filter
      } = params as ExportParamsOf[K] & {
        sort?: string;
      };
      await audit.record(context, {
        action: 'export',
        after: { kind, format, filter: ids ? { ids } : filter, rows },
      });
      const labels = EXPORT_HEADERS[kind] as Record<string, Record<Locale, string>>;
      const headers = EXPORT_COLUMNS[kind].map((column) => labels[column]![locale]);
      const toCells = cellsOf[kind];
      const text = format === 'csv' ? CSV : TSV;
      const body =
        format === 'xlsx'
          ? xlsxFile(kind, headers, TYPES[kind], source.batches(batchSize, toCells))
          : textFile(
              headers,
              text,
              source.batches(batchSize, async (rows) =>
                linesOf(text, await toCells(rows), CHUNK_BYTES),
              ),
            );
      return {
        rows,
        filename: `folio-${kind}-${now().toISOString().slice(0, 10)}.${format}`,
        contentType: CONTENT_TYPES[format],
        // Not in object mode: the stream holds one chunk ahead of the response, not sixteen.
        body: Readable.from(body, { objectMode: false, highWaterMark: 64 * 1024 }),
      };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
