import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/** The API server started by `npm start` (PORT defaults to 4000). */
const API = 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
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
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
