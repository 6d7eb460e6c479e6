import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../../../app/providers';
import { setLocale } from '../../../lib/i18n';
import { SessionList } from './session-list';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

const session = {
  id: 'session-current-0001',
  device: null,
  browser: 'Chrome',
  os: 'macOS',
  ip: '203.0.113.5',
  createdAt: ago(3),
  lastUsedAt: ago(3 * 60),
  current: true,
};

function times() {
  const line = screen.getByText(/203\.0\.113\.5/).parentElement!;
  return [...line.querySelectorAll(':scope > span')].slice(1).map((span) => span.textContent);
}

describe('<SessionList>', () => {
  beforeEach(() => {
    // test/setup.ts goes back to real timers once the test's components are unmounted.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
  });

  it('says when, in a natural English phrase', () => {
    setLocale('en');
    render(
      <Providers>
        <SessionList sessions={[session]} />
      </Providers>,
    );
    expect(times()).toEqual(['Logged in just now', 'Last active 3 minutes ago']);
  });

  it('puts the time before the verb in Chinese: 刚刚登录, not 登录于 现在', () => {
    setLocale('zh-CN');
    render(
      <Providers>
        <SessionList sessions={[session]} />
      </Providers>,
    );
    expect(times()).toEqual(['刚刚登录', '3分钟前活跃']);
  });
});
