import { describe, expect, it, vi } from 'vitest';
import { emitLiveEvent, onLiveEvent } from './live-events';

const event = {
  type: 'notification' as const,
  notification: { id: 1, type: 'reply' as const, blogId: 2, commentId: 3 },
};

describe('live events', () => {
  it('reach every listener until it stops listening', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onLiveEvent(first);
    const stopSecond = onLiveEvent(second);
    emitLiveEvent(event);
    stopFirst();
    emitLiveEvent(event);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledWith(event);
    stopSecond();
  });
});
