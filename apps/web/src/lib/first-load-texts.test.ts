/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { enAdmin } from './messages/en-admin';
import { enPages } from './messages/en-pages';

// Vitest runs in apps/web (its root); jsdom gives this module no file URL to start from.
const SRC = resolve(process.cwd(), 'src');

/** The app's own files that `main.tsx` imports statically, directly or not: the first load. */
function firstLoadFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    // Static imports of values (`import x from '…'`, `export … from '…'`, not `import type`);
    // `import('…')` is what loads a page later.
    const imports = /^(?:import|export)(?!\s+type\b)\b[^;]*?from\s+'(\.[^']+)'/gms;
    for (const [, spec] of source.matchAll(imports)) {
      for (const ext of ['.ts', '.tsx', '/index.ts']) {
        const candidate = resolve(dirname(file), spec! + ext);
        try {
          readFileSync(candidate);
          visit(candidate);
          break;
        } catch {
          // Not this extension.
        }
      }
    }
  };
  visit(join(SRC, 'main.tsx'));
  return [...seen];
}

describe('the first load', () => {
  it('finds the layout and the home page among its files', () => {
    const files = firstLoadFiles().map((file) => file.slice(SRC.length + 1));
    expect(files).toContain('app/layouts/site-navbar.tsx');
    expect(files).toContain('app/routes/home-page.tsx');
    expect(files).not.toContain('app/routes/login-page.tsx');
  });

  it("uses only the site's texts, which load before the first render", () => {
    const pageKeys = new Set([...Object.keys(enPages), ...Object.keys(enAdmin)]);
    const misplaced: string[] = [];
    for (const file of firstLoadFiles()) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([\w]+\.[\w.]+)'/g)) {
        if (pageKeys.has(key!)) misplaced.push(`${file.slice(SRC.length + 1)}: ${key}`);
      }
    }
    // Move each to messages/en.ts and zh-cn.ts, or load the component with a page.
    expect(misplaced).toEqual([]);
    expect(Object.keys(en).length).toBeGreaterThan(0);
  });
});
