import { vi } from 'vitest';

const WIDTH_FEATURE = /^\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)$/;

let width = 1280;
let listeners: { query: string; matched: boolean; listener: () => void }[] = [];

function matches(query: string): boolean {
  // CodeMirror asks whether the page is being printed: on screen, never.
  if (query.trim() === 'print') return false;
  // Motion is welcome here: the carousel turns by itself.
  if (query.trim() === '(prefers-reduced-motion: reduce)') return false;
  return query.split(/\s+and\s+/).every((part) => {
    const feature = WIDTH_FEATURE.exec(part.trim());
    // jsdom lays nothing out: only width queries are answered, and anything else fails loudly.
    if (!feature) throw new Error(`the test viewport cannot answer the media query ${query}`);
    const size = Number(feature[2]);
    return feature[1] === 'min' ? width >= size : width <= size;
  });
}

/** Installs a matchMedia (jsdom has none) answering width queries for a window `pixels` wide. */
export function setViewportWidth(pixels: number): void {
  width = pixels;
  listeners = [];
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    get matches() {
      return matches(query);
    },
    addEventListener: (_type: 'change', listener: () => void) => {
      listeners.push({ query, matched: matches(query), listener });
    },
    removeEventListener: (_type: 'change', listener: () => void) => {
      listeners = listeners.filter((entry) => entry.listener !== listener);
    },
  }));
}

/** The window turns `pixels` wide (a phone rotated): queries whose answer changed say so. */
export function resizeViewport(pixels: number): void {
  width = pixels;
  for (const entry of [...listeners]) {
    const now = matches(entry.query);
    if (now === entry.matched) continue;
    entry.matched = now;
    entry.listener();
  }
}
