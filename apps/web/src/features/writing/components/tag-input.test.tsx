import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TagInput } from './tag-input';

function Tags({ start = [] as string[], known = ['javascript', 'java', 'rust'] }) {
  const [tags, setTags] = useState(start);
  return <TagInput tags={tags} onChange={setTags} known={known} />;
}

const chips = () => screen.queryAllByTestId('tag-chip').map((chip) => chip.textContent);
const input = () => screen.getByRole('combobox', { name: 'Tags' });

describe('TagInput', () => {
  it('adds a tag on Enter and on a comma, once whatever its case', async () => {
    render(<Tags />);
    await userEvent.type(input(), 'Sea{Enter}boats,');
    expect(chips()).toEqual(['Sea', 'boats']);
    await userEvent.type(input(), 'sea{Enter}');
    expect(chips()).toEqual(['Sea', 'boats']);
    expect(input()).toHaveValue('');
  });

  it('takes the last tag away with Backspace in the empty input', async () => {
    render(<Tags start={['one', 'two']} />);
    await userEvent.type(input(), 'x{Backspace}{Backspace}');
    expect(chips()).toEqual(['one']);
  });

  it('removes a tag with its button', async () => {
    render(<Tags start={['one', 'two']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag one' }));
    expect(chips()).toEqual(['two']);
  });

  it('suggests known tags and picks one with the arrows', async () => {
    render(<Tags />);
    await userEvent.type(input(), 'ja');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['javascript', 'java']);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(chips()).toEqual(['java']);
    await userEvent.type(input(), 'ja');
    // A chosen tag is not offered again.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['javascript']);
  });

  it('says why a tag is refused and keeps it to fix', async () => {
    render(<Tags />);
    await userEvent.type(input(), `${'x'.repeat(31)}{Enter}`);
    expect(chips()).toEqual([]);
    expect(screen.getByTestId('field-error')).toHaveTextContent('A tag has 1 to 30 characters.');
    expect(input()).toHaveValue('x'.repeat(31));
  });

  it('stops at ten', async () => {
    render(<Tags start={Array.from({ length: 10 }, (_, i) => `t${i}`)} />);
    expect(input()).toBeDisabled();
    expect(screen.getByText('10/10')).toBeInTheDocument();
  });
});
