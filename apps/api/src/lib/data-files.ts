import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A file shipped in apps/api/data: beside the bundle in dist/ (the build copies it there), or in
 * the source tree when running from src/.
 */
export function dataFile(name: string): string {
  const candidates = [
    new URL(`./data/${name}`, import.meta.url),
    new URL(`../../data/${name}`, import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`data file ${name} not found (looked in ${candidates.join(', ')})`);
  return found;
}
