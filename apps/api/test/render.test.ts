import { describe, expect, it } from 'vitest';
import { derive, renderMarkdown } from '../src/modules/blogs/render';

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
