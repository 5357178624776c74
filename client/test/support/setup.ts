import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// jsdom has no layout: recharts' ResponsiveContainer needs a ResizeObserver to mount.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

// The whole API runs in the test process (scrypt password checks included): on a shared, busy
// machine a screen can take more than Testing Library's default second to appear.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
