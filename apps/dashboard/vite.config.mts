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
  },
  server: {
    proxy: { '/graphql': { target: api, ws: true }, '/healthz': api, '/readyz': api },
  },
});
