import { z } from 'zod';
import { AuthorRefSchema } from './author';
import { IdSchema, IsoDateTime, Page, PageQuery, SearchText } from './common';
import { LIMITS } from './limits';
import { UploadSchema } from './upload';

/** What an author asks for: a draft, or published (at `pubDate`, which may be ahead). */
export const BLOG_STATUSES = ['draft', 'published'] as const;
export type BlogStatus = (typeof BLOG_STATUSES)[number];

/** What a blog is: a published one whose time has not come yet is `scheduled`. */
export const BLOG_STATES = ['draft', 'scheduled', 'published'] as const;
export type BlogState = (typeof BLOG_STATES)[number];

/** How its author sees a blog: a state, or in the trash. */
export const MY_BLOG_STATUSES = [...BLOG_STATES, 'trashed'] as const;
export type MyBlogStatus = (typeof MY_BLOG_STATUSES)[number];

export const BLOG_SORTS = ['-pubDate', 'pubDate'] as const;
export type BlogSort = (typeof BLOG_SORTS)[number];

export const TagRefSchema = z.object({ name: z.string(), slug: z.string() }).meta({ id: 'TagRef' });
export type TagRef = z.infer<typeof TagRefSchema>;

export const BlogSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    excerpt: z.string(),
    tags: z.array(TagRefSchema),
    /** Minutes to read: 200 words or 400 CJK characters a minute, at least 1. */
    readingMinutes: z.number().int(),
    pubDate: IsoDateTime,
    viewCount: z.number().int(),
    /** Comments shown on it, deleted ones that still hold replies included. */
    commentCount: z.number().int(),
    author: AuthorRefSchema,
    /**
     * The cover picture, in every stored size (for `srcset`), or none. The upload's shape inline:
     * OpenAPI 3.0 cannot make a referenced schema nullable.
     */
    cover: z.object(UploadSchema.shape).nullable(),
    /** Picked by staff (`content.moderate`) for the home page's carousel. */
    featured: z.boolean(),
  })
  .meta({ id: 'BlogSummary' });
export type BlogSummary = z.infer<typeof BlogSummarySchema>;

export const BlogSchema = BlogSummarySchema.extend({
  /** The markdown as written. */
  content: z.string(),
  /** The markdown rendered to sanitized HTML, safe to insert as it is. */
  contentHtml: z.string(),
  /** Whether readers may comment; its author (or a moderator) opens and closes it. */
  commentsOpen: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).meta({ id: 'Blog' });
export type Blog = z.infer<typeof BlogSchema>;

const ownerFields = {
  status: z.enum(MY_BLOG_STATUSES),
  /** When it went to the trash; null when it is not there. */
  deletedAt: IsoDateTime.nullable(),
};

/** A blog in its author's own list (`GET /me/blogs`). */
export const MyBlogSummarySchema = BlogSummarySchema.extend({
  ...ownerFields,
  updatedAt: IsoDateTime,
}).meta({ id: 'MyBlogSummary' });
export type MyBlogSummary = z.infer<typeof MyBlogSummarySchema>;

/** A blog as its author (or a moderator) edits it: every state, with the markdown. */
export const MyBlogSchema = BlogSchema.extend(ownerFields).meta({ id: 'MyBlog' });
export type MyBlog = z.infer<typeof MyBlogSchema>;

/** A tag's slug (`TagRef.slug`), as a filter or in a path. */
export const TagSlugSchema = z.string().trim().min(1).max(64);

export const BlogListQuery = PageQuery.extend({
  authorId: IdSchema.optional(),
  /** A tag's slug (`TagRef.slug`). */
  tag: TagSlugSchema.optional(),
  q: SearchText.optional(),
  sort: z.enum(BLOG_SORTS).default('-pubDate'),
});
export type BlogListQueryInput = z.input<typeof BlogListQuery>;
export type BlogListParams = z.output<typeof BlogListQuery>;

export const BlogPageSchema = Page(BlogSummarySchema).meta({ id: 'BlogPage' });
export type BlogPage = z.infer<typeof BlogPageSchema>;

export const MyBlogListQuery = PageQuery.extend({
  status: z.enum(MY_BLOG_STATUSES).optional(),
  sort: z.enum(BLOG_SORTS).default('-pubDate'),
});
export type MyBlogListQueryInput = z.input<typeof MyBlogListQuery>;
export type MyBlogListParams = z.output<typeof MyBlogListQuery>;

export const MyBlogPageSchema = Page(MyBlogSummarySchema).meta({ id: 'MyBlogPage' });
export type MyBlogPage = z.infer<typeof MyBlogPageSchema>;

export const TagNameSchema = z
  .string()
  .trim()
  .min(1, 'tagLength')
  .max(LIMITS.tagName, 'tagLength')
  .refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s), 'invalidField');

// DATETIME(3) holds years 1000 to 9999; nothing before 1970 was written here.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);
export const PubDateSchema = z.iso.datetime({ error: 'dateTimeInvalid' }).refine((s) => {
  const t = Date.parse(s);
  return t >= EARLIEST && t <= LATEST;
}, 'dateTimeInvalid');

const blogFields = {
  title: z.string().trim().min(1, 'titleLength').max(LIMITS.blogTitle, 'titleLength'),
  /** Markdown. */
  content: z.string().max(LIMITS.blogContent, 'contentLength'),
  /** Made from the start of the content's text when empty. */
  excerpt: z.string().trim().max(LIMITS.blogExcerpt, 'excerptLength'),
  /** Tag names, matched case-insensitively; repeats count once. */
  tags: z.array(TagNameSchema).max(LIMITS.blogTags, 'tagCount'),
  status: z.enum(BLOG_STATUSES),
  /** When it is (or was) published; a published blog with a later time is scheduled. */
  pubDate: PubDateSchema,
  /** An upload (`POST /uploads`) of the writer or, on an edit by a moderator, of the author; null for none. */
  coverId: z
    .number({ error: 'positiveInteger' })
    .int('positiveInteger')
    .positive('positiveInteger')
    .max(4_294_967_295, 'positiveInteger')
    .nullable(),
};

export const CreateBlogBody = z
  .object({
    title: blogFields.title,
    content: blogFields.content.default(''),
    excerpt: blogFields.excerpt.default(''),
    tags: blogFields.tags.default([]),
    status: blogFields.status.default('draft'),
    /** Now, when not given. */
    pubDate: blogFields.pubDate.optional(),
    coverId: blogFields.coverId.default(null),
  })
  .meta({ id: 'CreateBlogBody' });
export type CreateBlog = z.output<typeof CreateBlogBody>;

/** Only the fields given change. */
export const UpdateBlogBody = z
  .object({
    title: blogFields.title.optional(),
    content: blogFields.content.optional(),
    excerpt: blogFields.excerpt.optional(),
    tags: blogFields.tags.optional(),
    status: blogFields.status.optional(),
    pubDate: blogFields.pubDate.optional(),
    coverId: blogFields.coverId.optional(),
    /** Open or close comments on it. */
    commentsOpen: z.boolean().optional(),
  })
  .meta({ id: 'UpdateBlogBody' });
export type UpdateBlog = z.output<typeof UpdateBlogBody>;

export const BlogRevisionParams = z.object({ id: IdSchema, revisionId: IdSchema });

/** A version of a published blog as it was before a save replaced it. */
export const BlogRevisionSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    excerpt: z.string(),
    content: z.string(),
    tags: z.array(z.string()),
    /** Who made the save that replaced it. */
    editor: z.object({ id: z.number().int(), nickname: z.string() }).nullable(),
    /** When it was replaced. */
    createdAt: IsoDateTime,
  })
  .meta({ id: 'BlogRevision' });
export type BlogRevision = z.infer<typeof BlogRevisionSchema>;

/** A tag with the number of published blogs that carry it. */
export const TagSchema = z
  .object({ name: z.string(), slug: z.string(), blogCount: z.number().int() })
  .meta({ id: 'Tag' });
export type Tag = z.infer<typeof TagSchema>;

export const TagParams = z.object({ slug: TagSlugSchema });

export const TagListQuery = PageQuery;
export type TagListParams = z.output<typeof TagListQuery>;

export const TagPageSchema = Page(TagSchema).meta({ id: 'TagPage' });
export type TagPage = z.infer<typeof TagPageSchema>;

/** A blog on the hot list: a list item with its views of the last 7 days. */
export const HotBlogSchema = BlogSummarySchema.extend({
  /** Views counted in the last 7 days (UTC days, today included). */
  recentViews: z.number().int(),
}).meta({ id: 'HotBlog' });
export type HotBlog = z.infer<typeof HotBlogSchema>;

/** `PUT /blogs/:id/featured`. */
export const SetFeaturedBody = z
  .object({ featured: z.boolean({ error: 'booleanRequired' }) })
  .meta({ id: 'SetFeaturedBody' });
export type SetFeatured = z.output<typeof SetFeaturedBody>;

/** A blog named beside another one (previous, next). */
export const BlogLinkSchema = z
  .object({ id: z.number().int(), title: z.string(), pubDate: IsoDateTime })
  .meta({ id: 'BlogLink' });
export type BlogLink = z.infer<typeof BlogLinkSchema>;

/** The visible blogs published just before and just after one, by publication time. */
export const BlogAdjacentSchema = z
  .object({
    /** The one published before it (older), or none. */
    previous: z.object(BlogLinkSchema.shape).nullable(),
    /** The one published after it (newer), or none. */
    next: z.object(BlogLinkSchema.shape).nullable(),
  })
  .meta({ id: 'BlogAdjacent' });
export type BlogAdjacent = z.infer<typeof BlogAdjacentSchema>;

/** `POST /blogs/:id/views`: whether this view was counted (once per visitor and hour, no bots). */
export const BlogViewSchema = z.object({ counted: z.boolean() }).meta({ id: 'BlogView' });
export type BlogView = z.infer<typeof BlogViewSchema>;
