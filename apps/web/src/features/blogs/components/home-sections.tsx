import type { BlogSummary } from '@folio/schema';
import type Carousel from 'bootstrap/js/dist/carousel';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { srcsetOf, variantFor } from '../cover';
import { useFeaturedBlogs } from '../api/get-featured-blogs';
import { HotBlogs } from './hot-blogs';
import { PopularTags } from './popular-tags';

/**
 * The home page's sections that load after its first render (with the home texts, see
 * `app/routes/home-page.tsx`): the featured carousel above the latest blogs, and the side column.
 */

/** The home page's side column: the hot list, then the most used tags. */
export function HomeAside() {
  return (
    <div className="d-flex flex-column gap-4">
      <HotBlogs />
      <PopularTags />
    </div>
  );
}

/**
 * The slide's laid-out width: the page's, at each of Bootstrap's container sizes (as the blog
 * page's cover). Uploads are stored 400, 800 and 1600 px wide: 1600 fills the widest container
 * (1296 px) and a phone at 3x; a 1920 px original would only be sharper on a 1296 px container
 * at 1.5x and more, for twice the bytes.
 */
const SLIDE_SIZES =
  '(min-width: 1400px) 1296px, (min-width: 1200px) 1116px, (min-width: 992px) 936px, ' +
  '(min-width: 768px) 696px, (min-width: 576px) 516px, calc(100vw - 1.5rem)';

const INTERVAL_MS = 6_000;

/**
 * Featured blogs' covers as a carousel, run by Bootstrap's Carousel (loaded once there are two
 * slides or more): it pauses on hover, swipes on touch and takes the arrow keys while focus is
 * inside it. It does not turn by itself for those who ask for reduced motion. Each cover is
 * cropped to 1920×610 (object-fit: cover) from md up, and to 2:1 on phones so its title fits.
 */
export function FeaturedCarousel() {
  const featured = useFeaturedBlogs();
  // While the list loads, its room is kept; without featured blogs there is no carousel.
  if (featured.isPending) return <div className="featured-carousel featured-placeholder" />;
  if (!featured.data?.length) return null;
  return <Slides blogs={featured.data} />;
}

function Slides({ blogs }: { blogs: BlogSummary[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // Bootstrap's Carousel once its module has loaded: a turn asked for before then waits for it
  // rather than being lost.
  const carousel = useRef<Promise<Carousel | null> | null>(null);
  const [active, setActive] = useState(0);
  const several = blogs.length > 1;

  useEffect(() => {
    const element = ref.current;
    if (!element || !several) return;
    let gone = false;
    // Bootstrap moves the `active` class itself; React follows it so a re-render keeps it.
    const slid = (event: Event) => setActive((event as Event & { to: number }).to);
    element.addEventListener('slid.bs.carousel', slid);
    const loaded = import('bootstrap/js/dist/carousel').then(({ default: Component }) => {
      if (gone) return null;
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      return Component.getOrCreateInstance(element, {
        interval: INTERVAL_MS,
        pause: 'hover',
        touch: true,
        keyboard: true,
        ride: still ? false : 'carousel',
      });
    });
    carousel.current = loaded;
    return () => {
      gone = true;
      element.removeEventListener('slid.bs.carousel', slid);
      carousel.current = null;
      void loaded.then((instance) => instance?.dispose());
    };
  }, [several]);

  return (
    <section
      ref={ref}
      className="carousel slide featured-carousel"
      aria-roledescription="carousel"
      aria-label={t('home.featured')}
      data-testid="featured-carousel"
    >
      {several && (
        <div className="carousel-indicators">
          {blogs.map((blog, i) => (
            <button
              key={blog.id}
              type="button"
              className={i === active ? 'active' : undefined}
              aria-current={i === active || undefined}
              aria-label={t('home.showSlide', { n: i + 1, title: blog.title })}
              onClick={() => void carousel.current?.then((c) => c?.to(i))}
            />
          ))}
        </div>
      )}
      <div className="carousel-inner">
        {blogs.map((blog, i) => (
          <div
            key={blog.id}
            className={i === active ? 'carousel-item active' : 'carousel-item'}
            role="group"
            aria-roledescription="slide"
            aria-label={t('home.slide', { n: i + 1, count: blogs.length })}
          >
            <Link to={`/blogs/${blog.id}`} className="featured-slide">
              {blog.cover && (
                <img
                  src={variantFor(blog.cover, 1600)}
                  srcSet={srcsetOf(blog.cover)}
                  sizes={SLIDE_SIZES}
                  width={1920}
                  height={610}
                  alt=""
                  // The first slide is the page's largest picture: fetched first, at once.
                  fetchPriority={i === 0 ? 'high' : undefined}
                  loading={i === 0 ? 'eager' : 'lazy'}
                  decoding={i === 0 ? 'sync' : 'async'}
                  className="featured-cover"
                />
              )}
              <div className="carousel-caption featured-caption">
                <h2 className="h4 mb-1">{blog.title}</h2>
                {blog.excerpt && <p className="mb-0 d-none d-md-block">{blog.excerpt}</p>}
              </div>
            </Link>
          </div>
        ))}
      </div>
      {several && (
        <>
          <button
            className="carousel-control-prev"
            type="button"
            onClick={() => void carousel.current?.then((c) => c?.prev())}
          >
            <span className="carousel-control-prev-icon" aria-hidden="true" />
            <span className="visually-hidden">{t('home.previousSlide')}</span>
          </button>
          <button
            className="carousel-control-next"
            type="button"
            onClick={() => void carousel.current?.then((c) => c?.next())}
          >
            <span className="carousel-control-next-icon" aria-hidden="true" />
            <span className="visually-hidden">{t('home.nextSlide')}</span>
          </button>
        </>
      )}
    </section>
  );
}
