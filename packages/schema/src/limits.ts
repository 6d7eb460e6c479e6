/** Column lengths and bounds: the one place both the database tables and the validators read them. */
export const LIMITS = {
  authorName: 64,
  authorEmail: 254,
  authorBio: 2000,
  blogTitle: 200,
  blogContent: 100_000,
  blogExcerpt: 300,
  blogTags: 10,
  tagName: 30,
  commentBody: 5000,
  /**
   * Levels of replies nested under a top-level comment in one answer of `GET /blogs/:id/comments`
   * (a top-level comment is level 0); a comment at the last level counts the replies below it
   * (`moreReplies`), which `GET /comments/:id/replies` lists.
   */
  commentNesting: 5,
  /** Minutes after writing a comment that its writer may change it. */
  commentEditMinutes: 15,
  /** `@nickname` mentions in one comment that are told about it. */
  commentMentions: 10,
  /** Kept per blog; older ones are dropped on save. */
  blogRevisions: 50,
  /** Days a blog stays in the trash, restorable by its author, before the purge deletes it. */
  trashDays: 30,
  searchText: 100,
  roleName: 50,
  /** What a reader may add to a report of a comment. */
  reportNote: 500,
  roleDescription: 200,
  siteName: 60,
  /** The highest failed-login count a captcha may wait for (`captchaAfterFailedLogins`). */
  captchaAfterFailedLoginsMax: 100,
  nickname: 32,
  email: 254,
  phone: 32,
  passwordMin: 8,
  passwordMax: 128,
  captchaText: 16,
  smsCode: 6,
  token: 2048,
  userAgent: 512,
  avatarBytes: 2 * 1024 * 1024,
  avatarSize: 256,
  uploadBytes: 5 * 1024 * 1024,
  /** The comment's text a notification keeps to show beside it. */
  notificationExcerpt: 200,
  perPageMax: 100,
  perPageDefault: 20,
} as const;
