// Shared helpers of the end-to-end tests: a page fixture that records console errors
// and every request, and helpers to read what the app stored.
import { test as base, expect } from '@playwright/test';

export const STORAGE_PREFIX = 'bitalign.';

export const test = base.extend({
  // Console errors and uncaught exceptions seen by the page; tests assert it stays empty.
  pageProblems: async ({ page }, use) => {
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await use(problems);
  },
});

export { expect };

/// Opens the app (optionally at a route) and waits until it has shown the model.
export async function openApp(page, route = '') {
  await page.goto(route ? `./${route}` : './');
  await waitForAppReady(page);
}

export async function waitForAppReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
}

/// Everything the app keeps in localStorage, as a plain object.
export async function readAppStorage(page) {
  return page.evaluate((prefix) => {
    const entries = {};
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key.startsWith(prefix)) entries[key] = localStorage.getItem(key);
    }
    return entries;
  }, STORAGE_PREFIX);
}

/// The open model as stored (parsed), found through the stored index.
export async function readStoredOpenModel(page) {
  return page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('bitalign.index'));
    // Nothing is stored before the first change of a first visit.
    if (!index) return null;
    const text = localStorage.getItem(`bitalign.model.${index.active_slot_id}`);
    return text ? JSON.parse(text).model : null;
  });
}

/// Waits until the header says the model is saved.
export async function waitForSaved(page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
}

/// Opens the German trades sample from the settings as a stored model. On a first
/// visit the app shows the sample without storing it until the first change, so a test
/// that needs the stored model without changing anything opens the sample this way.
export async function openStoredTradesSample(page) {
  await openApp(page, '#/settings');
  await page.getByTestId('open-sample-trades').click();
  await expect(page.getByTestId('notice').filter({ hasText: 'Datei geöffnet' })).toBeVisible();
  await waitForSaved(page);
  await expect.poll(async () => (await readStoredOpenModel(page))?.initiatives?.length ?? 0).toBeGreaterThan(0);
  const model = await readStoredOpenModel(page);
  // Bubbles follow the stored value only while value is not derived from goals.
  expect(model.settings.derive_value_from_goals).toBe(false);
  expect(model.settings.scoring_framework).toBe('value_effort');
  return model;
}
