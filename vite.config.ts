import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

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

export default defineConfig({
  plugins: [svelte(), cspMeta()],
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
