import { z } from 'zod';
import { AuthorRefSchema } from './author';
import { IdSchema, IsoDateTime, Page, PageQuery, SearchText } from './common';

export const BLOG_STATUSES = ['draft', 'published'] as const;
export type BlogStatus = (typeof BLOG_STATUSES)[number];

export const BLOG_SORTS = ['-pubDate', 'pubDate'] as const;
export type BlogSort = (typeof BLOG_SORTS)[number];

export const BlogSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    pubDate: IsoDateTime,
    viewCount: z.number().int(),
    author: AuthorRefSchema,
  })
  .meta({ id: 'BlogSummary' });
export type BlogSummary = z.infer<typeof BlogSummarySchema>;

export const BlogSchema = BlogSummarySchema.extend({
  content: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).meta({ id: 'Blog' });
export type Blog = z.infer<typeof BlogSchema>;

export const BlogListQuery = PageQuery.extend({
  authorId: IdSchema.optional(),
  q: SearchText.optional(),
  sort: z.enum(BLOG_SORTS).default('-pubDate'),
});
export type BlogListQueryInput = z.input<typeof BlogListQuery>;
export type BlogListParams = z.output<typeof BlogListQuery>;

export const BlogPageSchema = Page(BlogSummarySchema).meta({ id: 'BlogPage' });
export type BlogPage = z.infer<typeof BlogPageSchema>;
