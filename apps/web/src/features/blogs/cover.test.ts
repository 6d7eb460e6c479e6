import { describe, expect, it } from 'vitest';
import { srcsetOf, variantFor } from './cover';

const cover = {
  url: '/uploads/a-1600.webp',
  variants: [
    { width: 400, url: '/uploads/a-400.webp' },
    { width: 800, url: '/uploads/a-800.webp' },
    { width: 1600, url: '/uploads/a-1600.webp' },
  ],
};

describe('a cover’s sizes', () => {
  it('are its srcset, each stored width with its URL', () => {
    expect(srcsetOf(cover)).toBe(
      '/uploads/a-400.webp 400w, /uploads/a-800.webp 800w, /uploads/a-1600.webp 1600w',
    );
  });

  it('of a small original are the one size stored', () => {
    const small = { url: '/uploads/b.webp', variants: [{ width: 320, url: '/uploads/b.webp' }] };
    expect(srcsetOf(small)).toBe('/uploads/b.webp 320w');
    expect(variantFor(small, 400)).toBe('/uploads/b.webp');
  });

  it('give the narrowest size at least as wide as asked for as the fallback src', () => {
    expect(variantFor(cover, 400)).toBe('/uploads/a-400.webp');
    expect(variantFor(cover, 600)).toBe('/uploads/a-800.webp');
    expect(variantFor(cover, 2000)).toBe('/uploads/a-1600.webp');
  });
});
