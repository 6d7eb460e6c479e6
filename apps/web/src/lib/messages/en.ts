export const en = {
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',

  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.invalidResponse': 'The server sent an answer Folio does not understand.',
  'error.unexpected': 'Something unexpected went wrong.',
  'error.loadFailed': 'Could not load this.',
  'error.pageTitle': 'Something went wrong',
  'error.pageText': 'This page failed to display. Reloading usually helps.',

  'nav.skip': 'Skip to content',
  'nav.main': 'Main',
  'nav.menu': 'Menu',
  'nav.language': 'Language',
  'nav.home': 'Home',
  'nav.blogs': 'Blogs',
  'nav.authors': 'Authors',

  'footer.tagline': 'Stories worth keeping.',
  'footer.apiDocs': 'API documentation',

  'pagination.label': 'Pagination',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
  'pagination.page': 'Page {page}',

  'search.label': 'Search',
  'search.submit': 'Search',

  'list.perPage': 'Per page',
  'list.range': 'Showing {from}–{to} of {total}',

  'home.title': 'Latest blogs',
  'home.intro': 'The newest writing from Folio’s authors.',
  'home.allBlogs': 'All blogs →',

  'blogs.title': 'Blogs',
  'blogs.searchPlaceholder': 'Search titles',
  'blogs.empty': 'No blogs found.',
  'blogs.allAuthors': 'All authors',
  'blogs.authorNumber': 'Author #{id}',
  'blogs.sort': 'Order',
  'blogs.sort.newest': 'Newest first',
  'blogs.sort.oldest': 'Oldest first',

  'blog.title': 'Title',
  'blog.author': 'Author',
  'blog.published': 'Published',
  'blog.views': 'Views',
  'blog.byline': 'by',
  'blog.viewCount': 'Views: {count}',
  'blog.documentTitle': 'Blog',
  'blog.notFound.title': 'Blog not found',
  'blog.notFound.text': 'This blog does not exist or is no longer published.',
  'blog.notFound.back': 'Back to all blogs',

  'authors.title': 'Authors',
  'authors.searchPlaceholder': 'Search names',
  'authors.empty': 'No authors found.',

  'author.name': 'Name',
  'author.blogs': 'Blogs',
  'author.joined': 'Joined',
  'author.joinedAt': 'joined',
  'author.blogCount': 'Blogs: {count}',
  'author.noBio': 'No bio yet.',
  'author.blogsBy': 'Blogs by {name}',
  'author.noBlogs': 'This author has not published any blogs yet.',
  'author.documentTitle': 'Author',
  'author.notFound.title': 'Author not found',
  'author.notFound.text': 'There is no author at this address.',
  'author.notFound.back': 'Back to all authors',

  'notFound.title': 'Page not found',
  'notFound.text': 'The page you asked for does not exist.',
  'notFound.back': 'Go to the home page',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
