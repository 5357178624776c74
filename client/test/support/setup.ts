import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom has no layout: recharts' ResponsiveContainer needs a ResizeObserver to mount.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  localStorage.clear();
});
