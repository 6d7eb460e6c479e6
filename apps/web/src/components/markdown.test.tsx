import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

describe('<Markdown>', () => {
  it('renders markdown with headings one level below the page title', () => {
    render(<Markdown source={'# Title\n\n## Part\n\nSome **bold** text.'} />);
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Title' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Part' })).toBeInTheDocument();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
  });

  it('strips script and event handlers', () => {
    const { container } = render(
      <Markdown
        source={
          'Hi<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a><h1>Raw</h1>'
        }
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelector('a')).not.toHaveAttribute('href');
    expect(container.querySelector('h1')).toBeNull();
    expect(container).toHaveTextContent('Raw');
  });
});
