import { beforeAll, describe, expect, it } from 'vitest';
import {
  excerptOf,
  loadRenderer,
  readingMinutes,
  type Renderer,
} from '../src/modules/blogs/render';

let derive: Renderer['derive'];
let renderMarkdown: Renderer['renderMarkdown'];
beforeAll(async () => {
  ({ derive, renderMarkdown } = await loadRenderer());
});

describe('the text a save derives from the markdown', () => {
  it('is what a reader reads: entities decoded, tags and what sanitizing removed gone', () => {
    const { excerpt } = derive(
      [
        '# Fish & chips',
        'Fish & chips <b>cost</b> < 5 "pounds", it\'s [a link](https://x.example) &copy; 2026',
        '<script>alert(1)</script><img src=x alt="a>b" onerror=alert(1)>Tail &lt;b&gt;',
      ].join('\n\n'),
      '',
    );
    expect(excerpt).toBe(
      'Fish & chips Fish & chips cost < 5 "pounds", it\'s a link © 2026 Tail <b>',
    );
  });

  it('gives headings ids from their text, one per heading, whatever markup they hold', () => {
    const { html } = renderMarkdown('## Tea & <em>cake</em>\n\n## Tea & cake\n\n## <i></i>');
    expect(html).toContain('<h3 id="h-tea--cake">');
    expect(html).toContain('<h3 id="h-tea--cake-1">');
    expect(html).toContain('<h3 id="h-section">');
  });

  it('starts each render’s heading ids afresh', () => {
    expect(renderMarkdown('## Notes').html).toContain('id="h-notes"');
    expect(renderMarkdown('## Notes').html).toContain('id="h-notes"');
  });
});

describe('the excerpt and the reading time', () => {
  it('cut a long text at a word, whatever space it starts with', () => {
    const words = 'river stones '.repeat(400);
    expect(excerptOf(words)).toBe(`${'river stones '.repeat(23).trimEnd()}…`);
    expect(excerptOf(`${' \n'.repeat(2_000)}${words}`)).toBe(excerptOf(words));
    expect(excerptOf(`${' '.repeat(5_000)}short`)).toBe('short');
  });

  it('count Latin words and Chinese characters, a word ending where Chinese begins', () => {
    expect(readingMinutes('word '.repeat(200))).toBe(1);
    expect(readingMinutes('word '.repeat(201))).toBe(2);
    // 200 words (each run of letters before the Chinese counts once) and 400 characters.
    expect(readingMinutes('ab盖茨 '.repeat(200))).toBe(2);
    expect(readingMinutes('-- … ——')).toBe(1);
  });
});
