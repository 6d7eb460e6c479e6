import { describe, expect, it } from 'vitest';
import { addTags, suggestTags } from './tag-list';

describe('addTags', () => {
  it('adds trimmed names, split at commas, a repeat once', () => {
    expect(addTags(['React'], ' vite , react,  type  script ,')).toEqual({
      tags: ['React', 'vite', 'type script'],
      rest: '',
    });
  });

  it('takes the Chinese comma too', () => {
    expect(addTags([], '小说，散文').tags).toEqual(['小说', '散文']);
  });

  it('stops at a name longer than 30 characters and keeps it to fix', () => {
    const long = 'x'.repeat(31);
    expect(addTags([], `ok, ${long}, later`)).toEqual({
      tags: ['ok'],
      rest: `${long}, later`,
      problem: 'tagLength',
    });
    expect(addTags([], '三'.repeat(30)).tags).toHaveLength(1);
  });

  it('stops at ten tags', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(addTags(ten, 'eleven')).toEqual({ tags: ten, rest: 'eleven', problem: 'tagCount' });
    // A repeat is no new tag, so it is no problem either.
    expect(addTags(ten, 'T3')).toEqual({ tags: ten, rest: '' });
  });
});

describe('suggestTags', () => {
  const known = ['javascript', 'java', 'rust', 'typescript', 'Go'];

  it('puts names that start with the text first, leaves out the chosen', () => {
    expect(suggestTags(known, ['Java'], 'ja')).toEqual(['javascript']);
    expect(suggestTags(known, [], 'script')).toEqual(['javascript', 'typescript']);
    expect(suggestTags(known, [], 'go')).toEqual(['Go']);
  });

  it('suggests the most used when nothing is typed, at most `max`', () => {
    expect(suggestTags(known, [], '', 2)).toEqual(['javascript', 'java']);
  });
});
