import type { MessageKey } from './en';

export const zhCN: Record<MessageKey, string> = {
  'common.close': '关闭',
  'common.loading': '加载中…',
  'common.retry': '重试',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.invalidResponse': '服务器返回了无法识别的内容。',
  'error.unexpected': '发生了意外错误。',
  'error.loadFailed': '加载失败。',
  'error.pageTitle': '出错了',
  'error.pageText': '此页面无法显示，刷新页面通常可以解决。',

  'nav.skip': '跳到正文',
  'nav.main': '主导航',
  'nav.menu': '菜单',
  'nav.language': '语言',
  'nav.home': '首页',
  'nav.blogs': '博客',
  'nav.authors': '作者',

  'footer.tagline': '值得珍藏的文字。',
  'footer.apiDocs': 'API 文档',

  'pagination.label': '分页',
  'pagination.previous': '上一页',
  'pagination.next': '下一页',
  'pagination.page': '第 {page} 页',

  'search.label': '搜索',
  'search.submit': '搜索',

  'list.perPage': '每页条数',
  'list.range': '第 {from}–{to} 条，共 {total} 条',

  'home.title': '最新博客',
  'home.intro': 'Folio 作者们的最新文章。',
  'home.allBlogs': '全部博客 →',

  'blogs.title': '博客',
  'blogs.searchPlaceholder': '搜索标题',
  'blogs.empty': '没有找到博客。',
  'blogs.allAuthors': '全部作者',
  'blogs.authorNumber': '作者 #{id}',
  'blogs.sort': '排序',
  'blogs.sort.newest': '最新优先',
  'blogs.sort.oldest': '最早优先',

  'blog.title': '标题',
  'blog.author': '作者',
  'blog.published': '发布时间',
  'blog.views': '阅读量',
  'blog.byline': '作者',
  'blog.viewCount': '阅读 {count}',
  'blog.documentTitle': '博客',
  'blog.notFound.title': '找不到这篇博客',
  'blog.notFound.text': '这篇博客不存在或已不再公开。',
  'blog.notFound.back': '返回博客列表',

  'authors.title': '作者',
  'authors.searchPlaceholder': '搜索姓名',
  'authors.empty': '没有找到作者。',

  'author.name': '姓名',
  'author.blogs': '博客数',
  'author.joined': '加入时间',
  'author.joinedAt': '加入于',
  'author.blogCount': '博客 {count} 篇',
  'author.noBio': '暂无简介。',
  'author.blogsBy': '{name} 的博客',
  'author.noBlogs': '这位作者还没有发表博客。',
  'author.documentTitle': '作者',
  'author.notFound.title': '找不到这位作者',
  'author.notFound.text': '此地址没有对应的作者。',
  'author.notFound.back': '返回作者列表',

  'notFound.title': '页面未找到',
  'notFound.text': '你访问的页面不存在。',
  'notFound.back': '返回首页',
};
