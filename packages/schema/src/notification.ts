import { z } from 'zod';
import { COMMENT_NOTICE_TYPES, type CommentNoticeType } from './comment';
import { IdSchema, IsoDateTime, Page, PageQuery } from './common';

/** A notification tells of a comment on one's blog, a reply to one's comment or a mention. */
export const NOTIFICATION_TYPES = COMMENT_NOTICE_TYPES;
export type NotificationType = CommentNoticeType;

export const NotificationSchema = z
  .object({
    id: z.number().int(),
    type: z.enum(NOTIFICATION_TYPES),
    actor: z.object({ id: z.number().int(), nickname: z.string() }),
    blog: z.object({ id: z.number().int(), title: z.string() }),
    commentId: z.number().int(),
    excerpt: z.string(),
    read: z.boolean(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuery = PageQuery;
export type NotificationListQueryInput = z.input<typeof NotificationListQuery>;
export type NotificationListParams = z.output<typeof NotificationListQuery>;

/** A page of notifications, newest first, with how many of all of them are unread. */
export const NotificationPageSchema = Page(NotificationSchema)
  .extend({ unread: z.number().int() })
  .meta({ id: 'NotificationPage' });
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const UnreadCountSchema = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

/** A ticket that opens one event stream (`GET /events?ticket=`), once, within `expiresIn` seconds. */
export const EventTicketSchema = z
  .object({ ticket: z.string(), expiresIn: z.number().int() })
  .meta({ id: 'EventTicket' });
export type EventTicket = z.infer<typeof EventTicketSchema>;

export const EventsQuery = z.object({
  /** Required: a stream without one is refused with 401 like any request without a login. */
  ticket: z.string().max(128).optional(),
  /** The last event id a client saw, for a reconnect that comes with a new ticket. */
  lastEventId: IdSchema.optional(),
});
export type EventsQueryInput = z.input<typeof EventsQuery>;

/** The data of an `event: notification` on the stream; its SSE `id:` is the notification's id. */
export const LiveNotificationSchema = NotificationSchema.omit({ read: true })
  .extend({ blogId: z.number().int(), unread: z.number().int() })
  .meta({ id: 'LiveNotification' });
export type LiveNotificationData = z.infer<typeof LiveNotificationSchema>;
