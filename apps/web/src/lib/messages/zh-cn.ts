import type { SiteMessageKey } from './en';

export const zhCN: Record<SiteMessageKey, string> = {
  'common.close': '关闭',
  'common.loading': '加载中…',
  'common.retry': '重试',

  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.invalidResponse': '服务器返回了无法识别的内容。',
  'error.unexpected': '发生了意外错误。',
  'error.loadFailed': '加载失败。',
  'error.pageTitle': '出错了',
  'error.pageText': '此页面无法显示，重试通常可以解决。',
  'error.partText': '页面的这一部分未能加载。',

  'nav.skip': '跳到正文',
  'nav.main': '主导航',
  'nav.menu': '菜单',
  'nav.language': '语言',
  'nav.home': '首页',
  'nav.blogs': '博客',
  'nav.authors': '作者',
  'nav.search': '搜索博客',

  'footer.tagline': '值得珍藏的文字。',
  'footer.apiDocs': 'API 文档',

  'home.title': '最新博客',
  'home.intro': 'Folio 作者们的最新文章。',
  'home.allBlogs': '全部博客 →',

  'blogs.empty': '没有找到博客。',

  'blog.byline': '作者',
  'blog.title': '标题',
  'blog.author': '作者',
  'blog.published': '发布时间',
  'blog.views': '阅读量',
  'blog.readingTime': '{minutes} 分钟阅读',
  'blog.tags': '标签',

  'notFound.title': '页面未找到',
  'notFound.text': '你访问的页面不存在。',
  'notFound.back': '返回首页',

  'time.justNow': '刚刚',

  'nav.login': '登录',
  'nav.register': '注册',
  'nav.logout': '退出登录',
  'nav.userMenu': '{name} 的账号菜单',
  'nav.write': '写博客',
  'nav.myBlogs': '我的博客',
  'nav.admin': '管理后台',

  'auth.loggedOut': '你已退出登录。',
  'auth.sessionEnded': '登录已失效，请重新登录。',

  'account.nav.profile': '个人资料',
  'account.nav.security': '账号安全',
  'account.nav.sessions': '登录设备',
  'account.nav.connections': '账号绑定',
};
