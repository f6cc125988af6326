import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { methodologyPlugin } from './scripts/methodology-compile.ts';

/**
 * The Content-Security-Policy: scripts, workers and connections from this origin only — no inline
 * script, no eval, nothing fetched from elsewhere. Inline styles stay allowed (Svelte sets style
 * attributes). Sent as a header by the dev and preview servers (a worker takes its policy from its
 * own response) and written into index.html as a meta tag (for any static host). A host serving
 * dist/ should send the same header: see the README.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Writes the policy into index.html's meta tag, so the page carries it whatever serves it. */
function cspMeta(): Plugin {
  return {
    name: 'compute-planner:csp-meta',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace('__CONTENT_SECURITY_POLICY__', CONTENT_SECURITY_POLICY) },
  };
}

// --- Compile hints (start-up, issue 11) -----------------------------------------------------------
// V8 compiles a function the first time it runs, on the main thread: the first chart made after the
// page opens spent most of its task compiling Chart.js (that task 124–179 ms with the processor slowed
// 4×, 48–77 ms with the hint; four page loads each, traced). The magic comment asks V8 to compile
// every function of the chunk as it loads, on a background thread while the file streams (traced:
// v8.parseOnBackground). Added after minification, which drops comments; only to a chunk whose
// functions run once it loads. https://v8.dev/blog/explicit-compile-hints
const EAGER_COMPILE_CHUNKS = /^assets\/chartjs-[\w-]+\.js$/;
function compileHints(): Plugin {
  return {
    name: 'compute-planner:compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && EAGER_COMPILE_CHUNKS.test(chunk.fileName)) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}

// --- Offline and installable (issue 16) ---------------------------------------------------------
// A Workbox service worker (vite-plugin-pwa, generateSW) precaches every built asset, the examples
// and the icons, so after a first visit the planner loads, computes, saves and opens share links
// with no network; every view's address (/?view=…) falls back to the precached index.html. It is
// registered from our own module (src/pwa.ts, no inline script: the CSP is unchanged), in "prompt"
// mode: a new version waits until the person clicks "Update" (never mid-edit).
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  // The glob below already takes the icons and the manifest.
  includeManifestIcons: false,
  manifest: {
    name: 'Compute Planner',
    short_name: 'Compute Planner',
    description: 'Plan GPU compute: buy, rent or hire — cost, energy, carbon, water and supplier dependency, in your browser.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4e79',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The app's own chunks only; the largest (the entry) is well under this.
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
});
// --- end offline ---------------------------------------------------------------------------------

export default defineConfig({
  plugins: [methodologyPlugin(), svelte(), cspMeta(), compileHints(), pwa],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Chart.js is imported dynamically and lands in its own chunk; the worker in another.
    chunkSizeWarningLimit: 600,
  },
  server: { port: 5173, headers: securityHeaders },
  preview: { port: 4173, headers: securityHeaders },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
