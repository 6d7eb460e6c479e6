/**
 * The texts of the home page's sections that load after its first render (the featured
 * carousel, the hot list, popular tags), in English; loaded with them and with every page.
 */
export const enHome = {
  'tags.popular': 'Popular tags',

  'home.featured': 'Featured blogs',
  'home.slide': '{n} of {count}',
  'home.showSlide': 'Show slide {n}: {title}',
  'home.previousSlide': 'Previous slide',
  'home.nextSlide': 'Next slide',
  'home.hot': 'Hot this week',
  'home.hotEmpty': 'Nothing has been read this week yet.',
  'home.recentViews': '{count} views this week',
} as const satisfies Record<string, string>;

export type HomeMessageKey = keyof typeof enHome;
