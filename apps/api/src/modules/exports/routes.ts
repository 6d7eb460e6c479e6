import {
  AuditExportQuery,
  BlogExportQuery,
  CommentExportQuery,
  EXPORT_READ_PERMISSIONS,
  EXPORT_ROWS_HEADER,
  UserExportQuery,
  type ExportKind,
} from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures } from '../../lib/route-schema';
import { auditContextOf } from '../audit/service';
import { CONTENT_TYPES, type ExportParamsOf } from './service';

const QUERIES = {
  users: UserExportQuery,
  blogs: BlogExportQuery,
  comments: CommentExportQuery,
  audit: AuditExportQuery,
} as const;

const SUMMARIES: Record<ExportKind, string> = {
  users: 'The users table as a file (CSV, TSV or XLSX), filtered and sorted as the list',
  blogs: 'The staff’s blogs table as a file (CSV, TSV or XLSX), filtered and sorted as the list',
  comments: 'The staff’s comments table as a file (CSV, TSV or XLSX), filtered as the list',
  audit: 'The audit log as a file (CSV, TSV or XLSX), filtered as the list, newest first',
};

const FileSchema = z.string().meta({
  format: 'binary',
  description:
    'The file, streamed as it is read (no Content-Length). `X-Export-Rows` says how many rows ' +
    'it holds; `Content-Disposition` names it `folio-<kind>-<YYYY-MM-DD>.<format>`.',
});

const DESCRIPTION =
  'Every row the filter matches (no cap), or the selected `ids` (comma-separated, at most 1 000) ' +
  'in place of the filter, in the list’s order. Headers in the request’s language ' +
  '(`Accept-Language`), times in ISO 8601 UTC. CSV is RFC 4180 with a UTF-8 byte order mark; TSV ' +
  'writes tab, line breaks and backslash in a field as `\\t`, `\\n`, `\\r` and `\\\\`; XLSX has ' +
  'one sheet per 1 048 575 rows. Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage ' +
  "return gets a leading `'` so that no spreadsheet runs it as a formula. The response header " +
  '`X-Export-Rows` gives the number of rows before the first arrives. Each export is recorded ' +
  'in the audit log (action `export`).';

/** GET /admin/exports/:kind: the admin tables as files, one route per kind. */
const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const kind of Object.keys(QUERIES) as ExportKind[]) {
    app.get(
      `/admin/exports/${kind}`,
      {
        ...app.requires('exports.run', EXPORT_READ_PERMISSIONS[kind]),
        // A HEAD would count the rows and record an export that nobody receives.
        exposeHeadRoute: false,
        schema: {
          tags: ['admin'],
          summary: SUMMARIES[kind],
          description: DESCRIPTION,
          querystring: QUERIES[kind],
          produces: Object.values(CONTENT_TYPES),
          response: { 200: FileSchema, ...failures(403) },
        },
      },
      async (request, reply) => {
        const file = await app.exportService.start(
          auditContextOf(request),
          kind,
          request.query as ExportParamsOf[typeof kind],
          request.locale,
        );
        const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
        return (
          reply
            .header('content-type', file.contentType)
            .header(
              'content-disposition',
              `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
            )
            .header(EXPORT_ROWS_HEADER, String(file.rows))
            .header('cache-control', 'no-store')
            // Through nginx too, the file flows as it is written, so progress shows as it comes.
            .header('x-accel-buffering', 'no')
            // The document's schema says "a file"; Fastify pipes the stream without serializing it.
            .send(file.body as never)
        );
      },
    );
  }
};

export default exportRoutes;
