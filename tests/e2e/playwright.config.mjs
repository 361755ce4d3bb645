// End-to-end tests in Debian's headless Chromium against the release build in dist/,
// served under a sub-path to prove the app works from any sub-path of a static host.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
// E2E_DIST and E2E_PORT let a second run test a copy of a build while dist/ is being
// rebuilt (for example while writing tests beside ongoing work).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST_DIRECTORY = process.env.E2E_DIST ?? 'dist';
export const APP_PATH = '/tools/bitalign/';

// The roadmap screen is behind the cargo feature `roadmap-screen` (see Cargo.toml):
// its tests run against a build with the feature (E2E_ROADMAP=1), the others against
// the shipped build.
const ROADMAP_RUN = process.env.E2E_ROADMAP === '1';
const RESULTS_FILE = ROADMAP_RUN ? 'e2e-roadmap-results.json' : 'e2e-results.json';

export default defineConfig({
  testDir: '.',
  testMatch: ROADMAP_RUN ? /roadmap\.spec\.mjs$/ : /.*\.spec\.mjs$/,
  testIgnore: ROADMAP_RUN ? [] : [/roadmap\.spec\.mjs$/],
  outputDir: '../../test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: `../../test-results/${RESULTS_FILE}` }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}${APP_PATH}`,
    acceptDownloads: true,
    viewport: { width: 1280, height: 720 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/static-server.mjs --root ${DIST_DIRECTORY} --port ${E2E_PORT} --prefix ${APP_PATH}`,
    cwd: repositoryRoot,
    url: `http://127.0.0.1:${E2E_PORT}${APP_PATH}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
