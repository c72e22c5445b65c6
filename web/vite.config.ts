import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The API server started by `npm start` (PORT defaults to 4000). */
const API = 'http://localhost:4000';

/**
 * GraphiQL (the explorer's editor) for this app: its stylesheet embeds Roboto and Fira Code as
 * ~350 kB of base64, dropped for the app's system fonts (complete Vietnamese); and the React
 * libraries' "use client" markers, meaningless in a browser bundle, are not reported by the dozen.
 */
const graphiqlBuild: Plugin = {
  name: 'gan-bo-graphiql',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/node_modules\/graphiql\/dist\/style\.css$/.test(id.split('?')[0])) return undefined;
    return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null };
  },
  onLog(_level, log) {
    if (log.code === 'MODULE_LEVEL_DIRECTIVE' && /node_modules/.test(log.id ?? log.message)) return false;
  },
};

export default defineConfig({
  plugins: [vue(), graphiqlBuild],
  define: {
    // vue-i18n's esm-bundler build reads these flags; the composition API only keeps the bundle small.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      // Same-origin API in development too: HTTP queries and graphql-ws subscriptions.
      '/graphql': { target: API, ws: true, changeOrigin: true },
      '/healthz': { target: API, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL with React is one ~940 kB chunk, loaded only by the explorer; every other chunk stays far below.
    chunkSizeWarningLimit: 1_000,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
