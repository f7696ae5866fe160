import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  resolve: { alias: { '@ogp/common': here('../../libs/common/src') } },
  // DASHBOARD_OUT_DIR: a build of one's own (parallel test runs must not empty each other's folder).
  build: {
    outDir: process.env.DASHBOARD_OUT_DIR ?? here('../../dist/dashboard'),
    emptyOutDir: true,
    // Two pages: the dashboard, and the GraphQL explorer (GraphiQL) the API serves at GET /graphql to a browser.
    rolldownOptions: {
      input: { index: here('index.html'), explorer: here('explorer.html') },
      // GraphiQL's React packages mark modules "use client" (for server components): meaningless in a bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/graphql': { target: api, ws: true }, '/healthz': api, '/readyz': api, '/api': api },
  },
});
