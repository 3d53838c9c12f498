import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = 'dist/web';

/**
 * Writes .br and .gz beside every text asset so the server sends them precompressed
 * (@fastify/static `preCompressed`): no compression work per request, smallest bytes on phones.
 */
function precompress(): Plugin {
  return {
    name: 'zaitaku-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  resolve: {
    // Exactly `zod` (not `zod/v4`, which the shim itself imports): see src/web/vendor/zod-jitless.ts.
    alias: [
      {
        find: /^zod$/,
        replacement: fileURLToPath(new URL('./src/web/vendor/zod-jitless.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: `../../${outDir}`,
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // The manifest lets tests and the benchmark add up what a page loads first (budget: 170 KB gzip).
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
