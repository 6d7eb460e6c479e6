import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';
import { uniqueIp } from './auth-helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());

const fetchCaptcha = async () => {
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/captcha',
    remoteAddress: uniqueIp(),
  });
  expect(res.statusCode).toBe(200);
  const { id, svg } = res.json().data as { id: string; svg: string };
  return { id, svg, answer: (await app.redis.get(`captcha:${id}`))! };
};

describe('GET /captcha', () => {
  it('asks for 5 or 6 unambiguous characters, kept at captcha:<id> for 5 minutes', async () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const { id, answer } = await fetchCaptcha();
      expect(answer).toMatch(/^[a-hj-np-z2-9]{5,6}$/);
      lengths.add(answer.length);
      const ttl = await app.redis.ttl(`captcha:${id}`);
      expect(ttl).toBeGreaterThan(290);
      expect(ttl).toBeLessThanOrEqual(300);
    }
    expect([...lengths].sort()).toEqual([5, 6]);
  });

  it('bends the text along a random field, crosses it with curves and dots, and differs each time', async () => {
    const a = await fetchCaptcha();
    const b = await fetchCaptcha();
    for (const { svg } of [a, b]) {
      expect(svg).toMatch(/<feTurbulence [^>]*seed="\d+"/);
      expect(svg).toContain('<feDisplacementMap');
      expect(svg.match(/<path [^>]*stroke=/g)).toHaveLength(3);
      expect(svg.match(/<circle /g)!.length).toBeGreaterThanOrEqual(30);
    }
    expect(a.svg).not.toBe(b.svg);
  });

  it('is an SVG that renders', async () => {
    const { svg } = await fetchCaptcha();
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    expect(await sharp(png).metadata()).toMatchObject({ width: 200, height: 50 });
  });
});
