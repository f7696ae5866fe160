import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt)$/;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the build's `assets/`, at the
 * highest levels (done once at build time, not per request): the API sends the copy the browser accepts.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'ogp-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const bytes = readFileSync(join(assets, name));
        writeFileSync(
          join(assets, `${name}.br`),
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(join(assets, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here('.'),
  // Brotli and gzip copies of the hashed assets, served by the API as the browser accepts them.
  plugins: [precompress()],
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
