import type { HomeMessageKey } from './en-home';

export const zhCNHome: Record<HomeMessageKey, string> = {
  'tags.popular': '热门标签',

  'home.featured': '精选博客',
  'home.slide': '第 {n} 张，共 {count} 张',
  'home.showSlide': '显示第 {n} 张：{title}',
  'home.previousSlide': '上一张',
  'home.nextSlide': '下一张',
  'home.hot': '本周热门',
  'home.hotEmpty': '本周还没有人阅读。',
  'home.recentViews': '本周 {count} 次阅读',
};
