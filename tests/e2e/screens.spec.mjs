// Every screen of Foundation II: accessibility (axe-core), phone width, keyboard
// focus, and a screenshot of each screen kept under test-results/screenshots (and
// under docs/screenshots when UPDATE_SCREENSHOTS=1, for the README).
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

const SCREENS = [
  'overview', 'goals', 'capabilities', 'initiatives', 'matrix', 'roadmap',
  'budget', 'people', 'reviews', 'alignment', 'workshop', 'settings',
];

const screenshotDirectory = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';
mkdirSync(screenshotDirectory, { recursive: true });

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('every screen passes axe without serious or critical violations, also with an open editor', async ({ page, pageProblems }) => {
  await openApp(page);
  for (const screen of SCREENS) {
    await page.goto(`./#/${screen}`);
    await expect(page.getByTestId(`page-${screen}`)).toBeVisible();
    expect(await seriousViolations(page), screen).toEqual([]);
  }
  // Editors with every kind of input: text, selects, checkboxes, row tables.
  for (const [screen, newButton, form] of [
    ['goals', 'new-goal', 'goal-form'],
    ['goals', 'new-kpi', 'kpi-form'],
    ['capabilities', 'new-capability', 'capability-form'],
    ['initiatives', 'new-initiative', 'initiative-form'],
    ['budget', 'new-spend-item', 'spend-item-form'],
    ['people', 'new-person', 'person-form'],
    ['reviews', 'new-review', 'review-form'],
  ]) {
    await page.goto(`./#/${screen}`);
    await page.getByTestId(newButton).click();
    await expect(page.getByTestId(form)).toBeVisible();
    // Show the problems too, so their markup is checked as well (a new review is
    // valid as it starts, so its required quarter is cleared first).
    if (form === 'review-form') await page.getByTestId('quarter-input').fill('');
    await page.getByTestId('save-entity').click();
    await expect(page.getByTestId('form-problems')).not.toBeEmpty();
    expect(await seriousViolations(page), form).toEqual([]);
  }
  expect(pageProblems).toEqual([]);
});

for (const width of [1280, 375]) {
  test(`every screen at ${width} px: no horizontal overflow of the page, screenshot kept`, async ({ page, pageProblems }) => {
    await page.setViewportSize({ width, height: width === 375 ? 740 : 720 });
    await openApp(page);
    for (const screen of SCREENS) {
      await page.goto(`./#/${screen}`);
      await expect(page.getByTestId(`page-${screen}`)).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${screen} overflows by ${overflow} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${screenshotDirectory}/${screen}-${width}.png` });
    }
    await page.goto('./#/initiatives');
    await page.getByTestId('initiative-row').first().getByRole('link').click();
    await expect(page.getByTestId('initiative-form')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the initiative editor overflows').toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshotDirectory}/initiative-editor-${width}.png`, fullPage: width === 1280 });
    expect(pageProblems).toEqual([]);
  });
}

test('on a phone the navigation collapses behind a button and opens a screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page);
  const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(navigation).toBeHidden();
  await page.getByRole('button', { name: 'Navigation ein-/ausblenden' }).click();
  await expect(navigation).toBeVisible();
  await navigation.getByRole('link', { name: 'Initiativen' }).click();
  await expect(page.getByTestId('page-initiatives')).toBeVisible();
  await expect(navigation).toBeHidden();
});

test('lists sort by a column and filter by text, by keyboard', async ({ page }) => {
  await openApp(page, '#/initiatives');
  const rows = page.getByTestId('initiative-row');
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(12);
  // Sort by yearly cost (last column), descending on the second press.
  const costHeader = page.getByTestId('initiative-sort-7');
  await costHeader.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.locator('th[aria-sort="descending"]')).toHaveCount(1);
  const costs = await rows.evaluateAll((elements) => elements.map((row) => {
    const text = row.querySelectorAll('td')[6].textContent;
    return Number(text.replace(/[^0-9,]/g, '').replace(',', '.'));
  }));
  expect(costs).toEqual([...costs].sort((left, right) => right - left));
  // Filter: every visible row contains the words, and a nonsense filter says so.
  const firstTitle = await rows.first().locator('th').textContent();
  const word = firstTitle.split(' ')[0];
  await page.getByTestId('initiative-search').fill(word.toUpperCase());
  await expect(rows.first()).toContainText(word);
  expect(await rows.count()).toBeLessThan(total + 1);
  for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain(word.toLowerCase());
  await page.getByTestId('initiative-search').fill('zzzz-nichts');
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('Kein Eintrag passt zum Filter.')).toBeVisible();
});

test('the first visit opens the German sample of the method example 1', async ({ page, pageProblems }) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('overview-title')).toHaveText('Beispiel: Elektro Keller GmbH');
  await expect(page.getByRole('link', { name: 'Überblick' })).toBeVisible();
  await expect(page.getByTestId('coverage-percent')).toHaveText(/^\d+ %$/);
  await page.goto('./#/initiatives');
  expect(await page.getByTestId('initiative-row').count()).toBeGreaterThanOrEqual(12);
  await page.goto('./#/goals');
  expect(await page.getByTestId('kpi-row').count()).toBeGreaterThanOrEqual(1);
  expect(pageProblems).toEqual([]);
});
