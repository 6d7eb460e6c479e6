/**
 * The site's texts in English: what the layout and the home page say, loaded before the first
 * render. Everything else is in `en-pages.ts`, loaded with the first lazily loaded page.
 */
export const en = {
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',

  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.invalidResponse': 'The server sent an answer Folio does not understand.',
  'error.unexpected': 'Something unexpected went wrong.',
  'error.loadFailed': 'Could not load this.',
  'error.pageTitle': 'Something went wrong',
  'error.pageText': 'This page failed to display. Trying again usually helps.',
  'error.partText': 'This part of the page could not be loaded.',

  'nav.skip': 'Skip to content',
  'nav.main': 'Main',
  'nav.menu': 'Menu',
  'nav.language': 'Language',
  'nav.home': 'Home',
  'nav.blogs': 'Blogs',
  'nav.authors': 'Authors',
  'nav.search': 'Search blogs',

  'footer.tagline': 'Stories worth keeping.',
  'footer.apiDocs': 'API documentation',

  'home.title': 'Latest blogs',
  'home.intro': 'The newest writing from Folio’s authors.',
  'home.allBlogs': 'All blogs →',

  'blogs.empty': 'No blogs found.',

  'blog.byline': 'by',
  'blog.title': 'Title',
  'blog.author': 'Author',
  'blog.published': 'Published',
  'blog.views': 'Views',
  'blog.readingTime': '{minutes} min read',
  'blog.tags': 'Tags',

  'notFound.title': 'Page not found',
  'notFound.text': 'The page you asked for does not exist.',
  'notFound.back': 'Go to the home page',

  'time.justNow': 'just now',

  'nav.login': 'Log in',
  'nav.register': 'Register',
  'nav.logout': 'Log out',
  'nav.userMenu': 'Account menu for {name}',
  'nav.write': 'Write',
  'nav.myBlogs': 'My blogs',
  'nav.admin': 'Admin',

  'auth.loggedOut': 'You have logged out.',
  'auth.sessionEnded': 'Your session has ended; please log in again.',

  'account.nav.profile': 'Profile',
  'account.nav.security': 'Security',
  'account.nav.sessions': 'Sessions',
  'account.nav.connections': 'Connections',
} as const satisfies Record<string, string>;

export type SiteMessageKey = keyof typeof en;
