import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browser here: use Debian's Chromium (CHROMIUM_PATH overrides).
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  outputDir: '../../test-results',
  reporter: [['list'], ['json', { outputFile: '../../.test-output/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Every spec but first-visit.spec.ts opens the page as a returning person: the first visit's
    // start (issue 16) is marked as done (src/state/first-visit.ts FIRST_VISIT_KEY), so the editor shows.
    storageState: { cookies: [], origins: [{ origin: `http://127.0.0.1:${port}`, localStorage: [{ name: 'compute-planner.started', value: 'dismissed' }] }] },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Quiet on a closed network: no background requests, no component updates.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } } }],
  webServer: {
    // Serves the built app (the test runner builds it first).
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
