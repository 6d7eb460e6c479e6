import { createAdminContentRepository } from '../../modules/admin-content/repository';
import {
  createAdminContentService,
  type AdminContentService,
} from '../../modules/admin-content/service';
import { Queue } from 'bullmq';
import fp from 'fastify-plugin';
import { CountCache } from '../../lib/count-cache';
import { deriveKey } from '../../lib/keys';
import { createLinkTokens, type LinkTokens } from '../../lib/link-tokens';
import { createPasswordHasher, type PasswordHasher } from '../../lib/passwords';
import { createStorage, type Storage } from '../../lib/storage';
import { createAuditLog, type AuditLog } from '../../modules/audit/service';
import { createAuthService, type AuthService } from '../../modules/auth/service';
import { createSmsCodes, type SmsCodes } from '../../modules/auth/sms-codes';
import { createAuthorRepository } from '../../modules/authors/repository';
import { createAuthorService, type AuthorService } from '../../modules/authors/service';
import { createBlogRepository } from '../../modules/blogs/repository';
import { createBlogScheduler } from '../../modules/blogs/publish';
import {
  BLOGS_SCOPE,
  blogListsChanged,
  createBlogService,
  type BlogService,
} from '../../modules/blogs/service';
import { reindexBlogs } from '../../modules/blogs/search-docs';
import { createBlogViews } from '../../modules/blogs/views';
import { createCommentRepository } from '../../modules/comments/repository';
import { createCommentService, type CommentService } from '../../modules/comments/service';
import { createCaptchaService, type CaptchaService } from '../../modules/captcha/service';
import { startBackgroundWork } from '../../modules/maintenance/background';
import { MAINTENANCE_QUEUE } from '../../modules/maintenance/jobs';
import { createMeService, type MeService } from '../../modules/me/service';
import { bullConnection, createNotifier, type Notifier } from '../../modules/messaging/queue';
import { createNotifications } from '../../modules/notifications/setup';
import type { NotificationService } from '../../modules/notifications/service';
import { createOAuthService, type OAuthService } from '../../modules/oauth/service';
import { createOutboxRepository } from '../../modules/outbox/repository';
import { createOutboxService, type OutboxService } from '../../modules/outbox/service';
import {
  createSessionService,
  type AccessTokenSigner,
  type SessionService,
} from '../../modules/sessions/service';
import { createSessionStore } from '../../modules/sessions/store';
import { createSettingsRepository } from '../../modules/settings/repository';
import {
  createSettingsService,
  settingsChannel,
  settingsDefaults,
  type SettingsService,
} from '../../modules/settings/service';
import { createMroongaIndex } from '../../modules/search/mroonga';
import type { SearchIndex } from '../../modules/search/search-index';
import { createSearchService, type SearchService } from '../../modules/search/service';
import { createSitemapRepository } from '../../modules/syndication/repository';
import {
  createSyndicationService,
  type SyndicationService,
} from '../../modules/syndication/service';
import { createUploadRepository } from '../../modules/uploads/repository';
import { createUploadService, type UploadService } from '../../modules/uploads/service';
import { createAdminUserRepository } from '../../modules/admin-users/repository';
import { createAdminUserService, type AdminUserService } from '../../modules/admin-users/service';
import { createExportRepository } from '../../modules/exports/repository';
import { createExportService, type ExportService } from '../../modules/exports/service';
import { createRoleRepository } from '../../modules/roles/repository';
import { createStatsService, type StatsService } from '../../modules/stats/service';
import { createRoleService, type RoleService } from '../../modules/roles/service';
import { createUserRepository, type UserRepository } from '../../modules/users/repository';

declare module 'fastify' {
  interface FastifyInstance {
    counts: CountCache;
    users: UserRepository;
    passwords: PasswordHasher;
    captcha: CaptchaService;
    linkTokens: LinkTokens;
    notifier: Notifier;
    smsCodes: SmsCodes;
    sessions: SessionService;
    audit: AuditLog;
    authService: AuthService;
    meService: MeService;
    oauthService: OAuthService;
    blogService: BlogService;
    searchIndex: SearchIndex;
    searchService: SearchService;
    commentService: CommentService;
    authorService: AuthorService;
    roleService: RoleService;
    adminUserService: AdminUserService;
    adminContentService: AdminContentService;
    exportService: ExportService;
    statsService: StatsService;
    storage: Storage;
    uploadService: UploadService;
    syndicationService: SyndicationService;
    notifications: NotificationService;
    siteSettings: SettingsService;
    outboxService: OutboxService;
  }
}

/**
 * The composition root: every service is made once here from explicit dependencies (repositories,
 * Redis, the notifier, config), then decorated for routes to use. No service sees the Fastify
 * instance.
 */
export default fp(
  async (app) => {
    const { config, redis, db, log } = app;
    const counts = new CountCache(redis, config.DATABASE_URL, log);
    const users = createUserRepository(db);
    const passwords = createPasswordHasher({
      memoryKiB: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
    });
    const captcha = createCaptchaService(redis);
    const storage = await createStorage(config);
    const linkTokens = createLinkTokens({
      key: deriveKey(config.JWT_SECRET, 'mail-link'),
      redis,
    });
    const audit = createAuditLog(db);
    const siteSettings = createSettingsService({
      repo: createSettingsRepository(db),
      redis,
      defaults: settingsDefaults(config),
      channel: settingsChannel(config.DATABASE_URL),
      audit,
      log,
    });
    await siteSettings.listen();
    app.addHook('onClose', async () => siteSettings.close());
    const siteName = async () => (await siteSettings.get()).siteName;
    const notifier = createNotifier(config.REDIS_URL, log, {
      secret: config.JWT_SECRET,
      backoffMs: config.NOTIFY_BACKOFF_MS,
      siteName,
    });
    const smsCodes = createSmsCodes(redis, notifier, {
      countries: config.SMS_COUNTRIES,
      hourlyBudget: config.SMS_HOURLY_BUDGET,
      log,
    });
    // Where saves put their delayed jobs (a scheduled blog's publication); the worker runs them.
    const maintenanceQueue = new Queue(MAINTENANCE_QUEUE, {
      connection: bullConnection(config.REDIS_URL),
    });
    maintenanceQueue.on('error', (err) => log.warn({ err }, 'maintenance queue error'));
    const accessTokens: AccessTokenSigner = {
      sign: (payload, options) => app.jwt.sign(payload, options),
      verify: (token) => app.jwt.verify(token),
    };
    const sessions = createSessionService({
      store: createSessionStore(redis, deriveKey(config.JWT_SECRET, 'refresh-token')),
      users,
      redis,
      accessTokens,
      config,
      log,
      audit,
    });

    app.decorate('counts', counts);
    app.decorate('users', users);
    app.decorate('passwords', passwords);
    app.decorate('captcha', captcha);
    app.decorate('linkTokens', linkTokens);
    app.decorate('notifier', notifier);
    app.decorate('smsCodes', smsCodes);
    app.decorate('sessions', sessions);
    app.decorate('audit', audit);
    app.decorate('siteSettings', siteSettings);
    app.decorate('outboxService', createOutboxService(createOutboxRepository(db)));
    app.decorate(
      'authService',
      createAuthService({
        config,
        log,
        redis,
        users,
        passwords,
        captcha,
        smsCodes,
        linkTokens,
        notifier,
        sessions,
        audit,
        settings: siteSettings,
      }),
    );
    app.decorate(
      'meService',
      createMeService({
        db,
        users,
        passwords,
        redis,
        sessions,
        linkTokens,
        notifier,
        smsCodes,
        storage,
        config,
        audit,
      }),
    );
    app.decorate('oauthService', createOAuthService({ config, redis, users }));
    const uploadService = createUploadService({
      uploads: createUploadRepository(db),
      users,
      storage,
      config,
    });
    // The blogs service writes into the index; the search service reads it and asks the blogs
    // service for the list items it finds. Neither module imports the other.
    const searchIndex = createMroongaIndex(db);
    const blogService = createBlogService({
      repo: createBlogRepository(db),
      counts,
      users,
      scheduler: createBlogScheduler(maintenanceQueue),
      uploads: uploadService,
      search: searchIndex,
      reindex: (ids) => reindexBlogs(db, searchIndex, ids),
      views: createBlogViews({
        redis,
        databaseUrl: config.DATABASE_URL,
        visitorKey: deriveKey(config.JWT_SECRET, 'view-visitor'),
      }),
      log,
    });
    const authorService = createAuthorService(createAuthorRepository(db), counts, () =>
      blogListsChanged(counts),
    );
    app.decorate('blogService', blogService);
    app.decorate('authorService', authorService);
    app.decorate('statsService', createStatsService(db));
    app.decorate(
      'roleService',
      createRoleService({ repo: createRoleRepository(db), users, audit }),
    );
    const adminUsers = createAdminUserRepository(db);
    app.decorate(
      'adminUserService',
      createAdminUserService({ repo: adminUsers, counts, users, sessions, audit }),
    );
    app.decorate(
      'exportService',
      createExportService({
        repo: createExportRepository(db, app.pool),
        users: adminUsers,
        audit,
      }),
    );
    app.decorate('searchIndex', searchIndex);
    app.decorate(
      'searchService',
      createSearchService({
        index: searchIndex,
        summaries: (ids) => blogService.summaries(ids),
        cachedTotal: (key, compute) => counts.get(BLOGS_SCOPE, key, compute),
        // Kept beside the rendered blogs, so any write to blogs drops them together.
        cachedAnswer: (key, render) => blogService.rendered(key, render),
      }),
    );
    app.decorate(
      'syndicationService',
      createSyndicationService({
        blogs: blogService,
        authors: authorService,
        sitemaps: createSitemapRepository(db),
        siteOrigin: config.SITE_ORIGIN,
        siteName,
        sitemapMaxUrls: config.SITEMAP_MAX_URLS,
      }),
    );
    const notifications = createNotifications(config, {
      db,
      redis,
      counts,
      aliveSessions: (sids) => sessions.alive(sids),
      log,
    });
    app.decorate('notifications', notifications);
    // Open streams are never idle: they end here, or closing the server would wait for them.
    app.addHook('preClose', async () => notifications.hub.close());
    app.decorate(
      'commentService',
      createCommentService({
        repo: createCommentRepository(db),
        users,
        // A comment changes its blog's count: the blog, its lists and its comments read afresh.
        blogsChanged: () => blogListsChanged(counts),
        // Stored and pushed live to each person told; neither module imports the other.
        notify: async (notices) => {
          await notifications.notify(notices);
        },
        // Kept beside the rendered blogs, so any blog or comment write drops them together.
        rendered: (key, render) => blogService.rendered({ comments: key }, render),
        siteCommentsOpen: async () => (await siteSettings.get()).commentsOpen,
        log,
      }),
    );
    app.decorate(
      'adminContentService',
      createAdminContentService({
        repo: createAdminContentRepository(db),
        blogs: blogService,
        comments: app.commentService,
        authors: authorService,
        audit,
      }),
    );
    app.decorate('storage', storage);
    app.decorate('uploadService', uploadService);

    // With Redis down there is nothing to work on; the server refuses to start that way anyway.
    const worker =
      config.RUN_WORKER && redis.status === 'ready'
        ? await startBackgroundWork(config, db, log)
        : null;
    app.addHook('onClose', async () => {
      await worker?.close();
      await notifier.close();
      storage.close();
      await maintenanceQueue.close();
    });
  },
  { name: 'services', dependencies: ['config', 'db', 'redis', 'jwt'] },
);
