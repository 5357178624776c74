import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'db', 'server', 'tests'].map((name) => ({
      test: {
        name,
        root: `./${name}`,
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        environment: 'node',
      },
    })),
  },
});
