import { z } from 'zod';
import { IsoDateTime, Page, PageQuery, SearchText } from './common';

export const AuthorRefSchema = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'AuthorRef' });
export type AuthorRef = z.infer<typeof AuthorRefSchema>;

/** An author as the public sees them: the address is kept for staff, never published. */
export const AuthorSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    bio: z.string().nullable(),
    blogCount: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Author' });
export type Author = z.infer<typeof AuthorSchema>;

export const AuthorListQuery = PageQuery.extend({
  q: SearchText.optional(),
});
export type AuthorListQueryInput = z.input<typeof AuthorListQuery>;
export type AuthorListParams = z.output<typeof AuthorListQuery>;

export const AuthorPageSchema = Page(AuthorSchema).meta({ id: 'AuthorPage' });
export type AuthorPage = z.infer<typeof AuthorPageSchema>;
