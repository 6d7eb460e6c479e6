import { formatMessage } from './format';
import type { ErrorCode } from './errors';
import type { ExportColumn, ExportKind } from './exports';
import type { Locale } from './locale';

/** Human messages for every error code, in every supported locale. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  BAD_REQUEST: { en: 'The request could not be read.', 'zh-CN': '无法解析该请求。' },
  UNAUTHENTICATED: { en: 'Please log in first.', 'zh-CN': '请先登录。' },
  FORBIDDEN: { en: 'You may not do that.', 'zh-CN': '你没有权限执行此操作。' },
  NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  METHOD_NOT_ALLOWED: { en: 'That method is not allowed here.', 'zh-CN': '不支持该请求方法。' },
  REQUEST_TIMEOUT: {
    en: 'The request took too long to arrive.',
    'zh-CN': '请求发送超时。',
  },
  CONFLICT: { en: 'That conflicts with what already exists.', 'zh-CN': '与现有数据冲突。' },
  PRECONDITION_FAILED: {
    en: 'This was changed since you loaded it; reload it and make your change again.',
    'zh-CN': '内容在你打开之后已被修改，请刷新后重新修改。',
  },
  PAYLOAD_TOO_LARGE: { en: 'The request is too large.', 'zh-CN': '请求内容过大。' },
  URI_TOO_LONG: { en: 'The address is too long.', 'zh-CN': '请求地址过长。' },
  UNSUPPORTED_MEDIA_TYPE: {
    en: 'That content type is not supported.',
    'zh-CN': '不支持该内容类型。',
  },
  VALIDATION_FAILED: {
    en: 'Some fields are not valid.',
    'zh-CN': '部分字段填写有误。',
  },
  RATE_LIMITED: { en: 'Too many requests, please wait.', 'zh-CN': '请求过于频繁，请稍后再试。' },
  HEADERS_TOO_LARGE: {
    en: 'The request headers are too large.',
    'zh-CN': '请求头过大。',
  },
  INTERNAL: { en: 'Something went wrong on our side.', 'zh-CN': '服务器出错了。' },
  UNAVAILABLE: {
    en: 'Folio is temporarily unavailable; please try again in a moment.',
    'zh-CN': 'Folio 暂时不可用，请稍后再试。',
  },
  CAPTCHA_REQUIRED: {
    en: 'Please type the characters in the picture.',
    'zh-CN': '请输入图片中的字符。',
  },
  CAPTCHA_INVALID: {
    en: 'The picture code is wrong or has expired; here is a new one.',
    'zh-CN': '图片验证码错误或已过期，请重新输入。',
  },
  CODE_INVALID: {
    en: 'The code is wrong, used or expired.',
    'zh-CN': '验证码错误、已使用或已过期。',
  },
  TOKEN_INVALID: {
    en: 'This link is invalid, used or expired.',
    'zh-CN': '该链接无效、已使用或已过期。',
  },
  CREDENTIALS_INVALID: {
    en: 'The account or password is wrong.',
    'zh-CN': '账号或密码错误。',
  },
  SESSION_EXPIRED: {
    en: 'Your session has ended; please log in again.',
    'zh-CN': '登录已失效，请重新登录。',
  },
  ACCOUNT_PENDING: {
    en: 'Please verify your email address first; we can send the link again.',
    'zh-CN': '请先验证你的邮箱，我们可以重新发送验证链接。',
  },
  ACCOUNT_LOCKED: {
    en: 'This account is locked until {until}.',
    'zh-CN': '该账号已被锁定，直到 {until}。',
  },
  ACCOUNT_DISABLED: {
    en: 'This account has been locked by an administrator.',
    'zh-CN': '该账号已被管理员锁定。',
  },
  REGISTRATION_CLOSED: {
    en: 'Registration this way is closed.',
    'zh-CN': '此方式的注册已关闭。',
  },
  ORIGIN_FORBIDDEN: {
    en: 'This request came from another site.',
    'zh-CN': '该请求来自其他站点。',
  },
  LAST_LOGIN_METHOD: {
    en: 'This is your last way to log in; add another before removing it.',
    'zh-CN': '这是你最后一种登录方式，请先添加其他方式再移除。',
  },
  IDENTITY_TAKEN: {
    en: 'That is already linked to another account.',
    'zh-CN': '它已绑定到其他账号。',
  },
  COMMENTS_CLOSED: {
    en: 'Comments on this blog are closed.',
    'zh-CN': '这篇博客已关闭评论。',
  },
  COMMENT_EDIT_EXPIRED: {
    en: 'A comment can be changed for 15 minutes after it was written.',
    'zh-CN': '评论只能在发表后 15 分钟内修改。',
  },
  COMMENT_DUPLICATE: {
    en: 'You just wrote the same comment.',
    'zh-CN': '你刚刚发表过相同的评论。',
  },
  OAUTH_FAILED: {
    en: 'Signing in with that provider did not complete; please try again.',
    'zh-CN': '第三方登录未完成，请重试。',
  },
};

/** Messages for things that are not error codes but are said to the client (field problems, named resources). */
export const DETAIL_MESSAGES = {
  blogNotFound: { en: 'No such blog.', 'zh-CN': '没有这篇博客。' },
  revisionNotFound: { en: 'No such revision.', 'zh-CN': '没有这个历史版本。' },
  blogTrashed: {
    en: 'This blog is in the trash; restore it first.',
    'zh-CN': '这篇博客在回收站中，请先恢复。',
  },
  notBlogOwner: {
    en: 'Only its author may change this blog.',
    'zh-CN': '只有作者本人可以修改这篇博客。',
  },
  commentNotFound: { en: 'No such comment.', 'zh-CN': '没有这条评论。' },
  roleNotFound: { en: 'No such role.', 'zh-CN': '没有这个角色。' },
  userNotFound: { en: 'No such user.', 'zh-CN': '没有这个用户。' },
  sessionNotFound: { en: 'No such session.', 'zh-CN': '没有这个会话。' },
  systemRoleFixed: {
    en: 'The System role always holds every permission and cannot be deleted.',
    'zh-CN': '系统角色始终拥有全部权限，且不能删除。',
  },
  lastRoleManager: {
    en: 'Someone active must keep the permission to manage roles.',
    'zh-CN': '必须至少保留一位可以管理角色的有效账号。',
  },
  permissionNotHeld: {
    en: 'You can only grant permissions you hold yourself.',
    'zh-CN': '只能授予你自己拥有的权限。',
  },
  notCommentWriter: {
    en: 'Only its writer may change this comment.',
    'zh-CN': '只有评论者本人可以修改这条评论。',
  },
  ownComment: {
    en: 'You can’t report your own comment.',
    'zh-CN': '不能举报自己的评论。',
  },
  mayNotDeleteComment: {
    en: 'Only its writer, the blog’s author or a moderator may delete this comment.',
    'zh-CN': '只有评论者、博客作者或管理员可以删除这条评论。',
  },
  commentsClosedSite: {
    en: 'Comments are closed on this site for now.',
    'zh-CN': '本站暂时关闭了评论。',
  },
  commentDeleted: {
    en: 'This comment was deleted.',
    'zh-CN': '这条评论已被删除。',
  },
  authorNotFound: { en: 'No such author.', 'zh-CN': '没有这位作者。' },
  tagNotFound: { en: 'No such tag.', 'zh-CN': '没有这个标签。' },
  routeNotFound: { en: 'No route {method} {url}.', 'zh-CN': '没有此接口：{method} {url}。' },
  dependencyDown: { en: '{name} is unavailable.', 'zh-CN': '{name} 不可用。' },
  shuttingDown: { en: 'This process is shutting down.', 'zh-CN': '该进程正在关闭。' },
  smsPaused: {
    en: 'Text messages are paused for a while; please try again later.',
    'zh-CN': '短信发送暂时暂停，请稍后再试。',
  },
  invalidField: { en: 'Invalid value.', 'zh-CN': '无效的值。' },
  oauthProviderNotFound: { en: 'No such sign-in provider.', 'zh-CN': '没有这个第三方登录方式。' },
  uploadQuotaFull: {
    en: 'Your uploads already use {used} of your {limit}; this image needs {size} more. Images no blog uses any more are cleared after a day.',
    'zh-CN':
      '你的上传已占用 {used}（共 {limit}），这张图片还需要 {size}。不再被博客使用的图片会在一天后清除。',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type DetailKey = keyof typeof DETAIL_MESSAGES;

/**
 * Field messages that schemas name by key (`.refine(fn, 'positiveInteger')`), so API and SPA can
 * show them in the reader's language. Messages that are not keys here are zod's own.
 */
export const FIELD_MESSAGES = {
  positiveInteger: { en: 'Must be a positive integer.', 'zh-CN': '必须是正整数。' },
  coverNotFound: {
    en: 'Choose a picture you uploaded yourself.',
    'zh-CN': '请选择你自己上传的图片。',
  },
  required: { en: 'Required.', 'zh-CN': '必填。' },
  roleNameLength: {
    en: 'A role name is 1 to 50 characters.',
    'zh-CN': '角色名称为 1 到 50 个字符。',
  },
  roleDescriptionLength: {
    en: 'A role description is at most 200 characters.',
    'zh-CN': '角色说明最多 200 个字符。',
  },
  authorEmailTaken: { en: 'Another author has this address.', 'zh-CN': '已有作者使用这个邮箱。' },
  roleNameTaken: { en: 'Another role has this name.', 'zh-CN': '已有同名的角色。' },
  timeZoneInvalid: {
    en: 'Not a time zone (use a name like Asia/Shanghai).',
    'zh-CN': '不是有效的时区（请使用 Asia/Shanghai 这样的名称）。',
  },
  statsRange: { en: 'Choose 7, 30 or 90 days.', 'zh-CN': '请选择 7、30 或 90 天。' },
  idsOrAll: {
    en: 'Give either the selected ids or the filter of all matching rows, not both.',
    'zh-CN': '请提供所选的 id，或筛选出的全部记录，二者选一。',
  },
  authorNameLength: {
    en: 'An author name is 1 to 64 characters.',
    'zh-CN': '作者名称为 1 到 64 个字符。',
  },
  authorBioLength: {
    en: 'An author bio is at most 2000 characters.',
    'zh-CN': '作者简介最多 2000 个字符。',
  },
  exportIds: {
    en: 'Give up to 1000 ids, separated by commas.',
    'zh-CN': '请提供最多 1000 个 id，用英文逗号分隔。',
  },
  reportNoteLength: {
    en: 'A note is at most 500 characters.',
    'zh-CN': '说明最多 500 个字符。',
  },
  permissionNotHeld: {
    en: 'You can only grant permissions you hold yourself.',
    'zh-CN': '只能授予你自己拥有的权限。',
  },
  roleNotFound: { en: 'No such role.', 'zh-CN': '没有这个角色。' },
  siteNameLength: {
    en: 'A site name is 1 to 60 characters.',
    'zh-CN': '站点名称为 1 到 60 个字符。',
  },
  captchaAfterRange: {
    en: 'Use a whole number from 0 to 100.',
    'zh-CN': '请填写 0 到 100 之间的整数。',
  },
  settingName: {
    en: 'No such setting. The settings are siteName, registration.phone, registration.email, captchaAfterFailedLogins and commentsOpen.',
    'zh-CN':
      '没有这个设置。设置有 siteName、registration.phone、registration.email、captchaAfterFailedLogins 和 commentsOpen。',
  },
  booleanRequired: { en: 'Must be true or false.', 'zh-CN': '必须是 true 或 false。' },
  emailInvalid: { en: 'Not a valid email address.', 'zh-CN': '邮箱地址格式不正确。' },
  phoneInvalid: { en: 'Not a valid phone number.', 'zh-CN': '手机号码格式不正确。' },
  phoneUnreadable: {
    en: 'This phone number cannot be read. Type it with its country code, like +86 139 1234 5678.',
    'zh-CN': '无法识别这个手机号码，请加上国家或地区代码，例如 +852 5123 4567。',
  },
  phoneCountryUnsupported: {
    en: 'We cannot send text messages to numbers in this country or region.',
    'zh-CN': '暂不支持向该国家或地区的号码发送短信。',
  },
  passwordLength: {
    en: 'Use 8 to 128 characters.',
    'zh-CN': '密码长度为 8 到 128 个字符。',
  },
  passwordTooCommon: {
    en: 'This password is too common; choose another.',
    'zh-CN': '该密码过于常见，请换一个。',
  },
  passwordWrong: { en: 'The password is wrong.', 'zh-CN': '密码错误。' },
  nicknameLength: { en: 'Use 1 to 32 characters.', 'zh-CN': '昵称长度为 1 到 32 个字符。' },
  captchaWrong: { en: 'Wrong picture code.', 'zh-CN': '图片验证码错误。' },
  codeFormat: { en: 'The code has 6 digits.', 'zh-CN': '验证码为 6 位数字。' },
  codeWrong: { en: 'Wrong or expired code.', 'zh-CN': '验证码错误或已过期。' },
  tokenInvalid: {
    en: 'This link is invalid, used or expired.',
    'zh-CN': '该链接无效、已使用或已过期。',
  },
  dateInvalid: { en: 'Use a date like 1990-04-21.', 'zh-CN': '请使用 1990-04-21 这样的日期。' },
  imageInvalid: {
    en: 'Upload a JPEG, PNG, WebP or GIF image of at most 2 MB.',
    'zh-CN': '请上传不超过 2 MB 的 JPEG、PNG、WebP 或 GIF 图片。',
  },
  uploadType: {
    en: 'Upload a JPEG, PNG, WebP or GIF image; this file is of another kind.',
    'zh-CN': '请上传 JPEG、PNG、WebP 或 GIF 图片；该文件不是这些类型。',
  },
  uploadMixed: {
    en: 'This file holds more than an image (markup, script or other data); upload a plain JPEG, PNG, WebP or GIF.',
    'zh-CN':
      '该文件除图片外还含有其他内容（标记、脚本或其他数据），请上传普通的 JPEG、PNG、WebP 或 GIF 图片。',
  },
  uploadDamaged: {
    en: 'This image is damaged or cut short and cannot be read.',
    'zh-CN': '该图片已损坏或不完整，无法读取。',
  },
  uploadPixels: {
    en: 'This image has too many pixels; upload one of at most 50 megapixels.',
    'zh-CN': '该图片像素过多，请上传不超过 5000 万像素的图片。',
  },
  uploadTooLarge: {
    en: 'Upload an image of at most 5 MB.',
    'zh-CN': '请上传不超过 5 MB 的图片。',
  },
  uploadOneFile: {
    en: 'Send one file at a time.',
    'zh-CN': '请一次只上传一个文件。',
  },
  uploadQuotaFull: {
    en: 'Your upload space is full.',
    'zh-CN': '你的上传空间已满。',
  },
  uploadUnreadable: {
    en: 'The upload could not be read; send the file again as a multipart/form-data form.',
    'zh-CN': '无法读取上传内容，请以 multipart/form-data 表单重新上传文件。',
  },
  tokenOrPhone: {
    en: 'Give either the link token or the phone and its code.',
    'zh-CN': '请提供链接令牌，或手机号及验证码。',
  },
  // Writing
  titleLength: { en: 'Use 1 to 200 characters.', 'zh-CN': '标题长度为 1 到 200 个字符。' },
  contentLength: {
    en: 'Use at most 100000 characters.',
    'zh-CN': '正文最多 100000 个字符。',
  },
  excerptLength: { en: 'Use at most 300 characters.', 'zh-CN': '摘要最多 300 个字符。' },
  tagLength: { en: 'A tag has 1 to 30 characters.', 'zh-CN': '标签长度为 1 到 30 个字符。' },
  tagCount: { en: 'Use at most 10 tags.', 'zh-CN': '最多 10 个标签。' },
  commentLength: {
    en: 'Write 1 to 5000 characters.',
    'zh-CN': '评论长度为 1 到 5000 个字符。',
  },
  parentNotFound: {
    en: 'The comment you answer is not on this blog.',
    'zh-CN': '你回复的评论不在这篇博客下。',
  },
  cursorInvalid: { en: 'Not a cursor this list gave.', 'zh-CN': '无效的分页游标。' },
  dateTimeInvalid: {
    en: 'Use a time like 2016-01-11T11:01:05.000Z.',
    'zh-CN': '请使用 2016-01-11T11:01:05.000Z 这样的时间。',
  },
  // Account settings (/me)
  emailUnchanged: {
    en: 'This is already your email address.',
    'zh-CN': '这已经是你的邮箱地址。',
  },
  birthdayRange: {
    en: 'Use a date between 1900-01-01 and today.',
    'zh-CN': '请填写 1900-01-01 到今天之间的日期。',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export function fieldMessage(message: string, locale: Locale): string {
  return message in FIELD_MESSAGES
    ? FIELD_MESSAGES[message as keyof typeof FIELD_MESSAGES][locale]
    : message;
}

/** Success messages the account endpoints say (`msg` of a success envelope). */
export const NOTICE_MESSAGES = {
  smsCodeSent: {
    en: 'A code is on its way to {phone}; it is good for 5 minutes.',
    'zh-CN': '验证码已发送至 {phone}，5 分钟内有效。',
  },
  registered: { en: 'Welcome to {site}!', 'zh-CN': '欢迎加入 {site}！' },
  checkInbox: {
    en: 'Check your inbox at {email}: we sent you a message to continue.',
    'zh-CN': '请查收发送到 {email} 的邮件，按其中的说明继续。',
  },
  emailVerified: {
    en: 'Your email is confirmed and you are logged in.',
    'zh-CN': '邮箱已确认，你已登录。',
  },
  verificationResent: {
    en: 'If {email} is waiting to be confirmed, a new link is on its way.',
    'zh-CN': '如果 {email} 正在等待确认，新的链接已发出。',
  },
  resetSent: {
    en: 'If {account} belongs to an account, we sent it a way to reset the password.',
    'zh-CN': '如果 {account} 对应一个账号，我们已发送重置密码的方式。',
  },
  passwordReset: {
    en: 'Your password has been changed; log in with it.',
    'zh-CN': '密码已修改，请使用新密码登录。',
  },
  loggedOut: { en: 'You have logged out.', 'zh-CN': '你已退出登录。' },
} as const satisfies Record<string, Record<Locale, string>>;

export type NoticeKey = keyof typeof NOTICE_MESSAGES;

export function noticeMessage(
  key: NoticeKey,
  locale: Locale,
  params: Record<string, string | number> = {},
) {
  return formatMessage(NOTICE_MESSAGES[key][locale], params);
}

/** The column headers of exported files (EXPORT_COLUMNS), in the reader's language. */
export const EXPORT_HEADERS = {
  users: {
    id: { en: 'ID', 'zh-CN': 'ID' },
    nickname: { en: 'Nickname', 'zh-CN': '昵称' },
    email: { en: 'Email', 'zh-CN': '邮箱' },
    phone: { en: 'Phone', 'zh-CN': '手机号' },
    status: { en: 'Status', 'zh-CN': '状态' },
    roles: { en: 'Roles', 'zh-CN': '角色' },
    createdAt: { en: 'Registered at (UTC)', 'zh-CN': '注册时间（UTC）' },
    lastLoginAt: { en: 'Last login at (UTC)', 'zh-CN': '最后登录时间（UTC）' },
    lastLoginIp: { en: 'Last login IP', 'zh-CN': '最后登录 IP' },
  },
  blogs: {
    id: { en: 'ID', 'zh-CN': 'ID' },
    title: { en: 'Title', 'zh-CN': '标题' },
    authorId: { en: 'Author ID', 'zh-CN': '作者 ID' },
    author: { en: 'Author', 'zh-CN': '作者' },
    status: { en: 'Status', 'zh-CN': '状态' },
    featured: { en: 'Featured', 'zh-CN': '精选' },
    pubDate: { en: 'Published at (UTC)', 'zh-CN': '发布时间（UTC）' },
    viewCount: { en: 'Views', 'zh-CN': '浏览量' },
    commentCount: { en: 'Comments', 'zh-CN': '评论数' },
    createdAt: { en: 'Created at (UTC)', 'zh-CN': '创建时间（UTC）' },
    updatedAt: { en: 'Updated at (UTC)', 'zh-CN': '更新时间（UTC）' },
    deletedAt: { en: 'Trashed at (UTC)', 'zh-CN': '移入回收站时间（UTC）' },
  },
  comments: {
    id: { en: 'ID', 'zh-CN': 'ID' },
    blogId: { en: 'Blog ID', 'zh-CN': '博客 ID' },
    blogTitle: { en: 'Blog', 'zh-CN': '博客' },
    userId: { en: 'User ID', 'zh-CN': '用户 ID' },
    nickname: { en: 'Nickname', 'zh-CN': '昵称' },
    parentId: { en: 'Reply to', 'zh-CN': '回复的评论' },
    body: { en: 'Comment', 'zh-CN': '评论内容' },
    status: { en: 'Status', 'zh-CN': '状态' },
    openReports: { en: 'Open reports', 'zh-CN': '待处理举报' },
    createdAt: { en: 'Written at (UTC)', 'zh-CN': '发表时间（UTC）' },
    editedAt: { en: 'Edited at (UTC)', 'zh-CN': '编辑时间（UTC）' },
  },
  audit: {
    id: { en: 'ID', 'zh-CN': 'ID' },
    at: { en: 'Time (UTC)', 'zh-CN': '时间（UTC）' },
    action: { en: 'Action', 'zh-CN': '操作' },
    actorId: { en: 'Actor ID', 'zh-CN': '操作人 ID' },
    actor: { en: 'Actor', 'zh-CN': '操作人' },
    targetType: { en: 'Target type', 'zh-CN': '对象类型' },
    targetId: { en: 'Target ID', 'zh-CN': '对象 ID' },
    ip: { en: 'IP', 'zh-CN': 'IP' },
    userAgent: { en: 'User agent', 'zh-CN': '用户代理' },
    before: { en: 'Before', 'zh-CN': '修改前' },
    after: { en: 'After', 'zh-CN': '修改后' },
  },
} as const satisfies { [K in ExportKind]: Record<ExportColumn<K>, Record<Locale, string>> };
