// The shell: renders from a sub-path without errors, never talks to another origin,
// routes by hash (deep links and the back button), and offers the file controls on
// every screen.
import { test, expect, openApp } from './fixtures.mjs';

const SCREENS = [
  ['overview', 'Überblick'],
  ['goals', 'Ziele & KPIs'],
  ['capabilities', 'IT-Fähigkeiten'],
  ['initiatives', 'Initiativen'],
  ['matrix', 'Prioritätenmatrix'],
  ['roadmap', 'Roadmap'],
  ['budget', 'Budget & Ausgaben'],
  ['people', 'Verantwortliche'],
  ['reviews', 'Quartalsreviews'],
  ['alignment', 'Alignment-Check'],
  ['workshop', 'Workshop'],
  ['settings', 'Einstellungen'],
];

test('renders from a sub-path with no console error and marks app-ready', async ({ page, pageProblems }) => {
  await openApp(page);
  expect(new URL(page.url()).pathname).toBe('/tools/bitalign/');
  await expect(page.getByTestId('page-overview')).toBeVisible();
  await expect(page.getByTestId('overview-title')).not.toBeEmpty();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const readyMarks = await page.evaluate(() => performance.getEntriesByName('app-ready', 'mark').length);
  expect(readyMarks).toBe(1);
  expect(pageProblems).toEqual([]);
});

test('no request of the session leaves the origin', async ({ page, pageProblems }) => {
  const requestedUrls = [];
  page.on('request', (request) => requestedUrls.push(request.url()));
  await openApp(page);
  for (const [segment] of SCREENS) {
    await page.getByRole('navigation').getByRole('link').nth(SCREENS.findIndex(([s]) => s === segment)).click();
    await expect(page).toHaveURL(new RegExp(`#/${segment}$`));
  }
  const origin = new URL(page.url()).origin;
  const foreign = requestedUrls.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(requestedUrls.length).toBeGreaterThan(2);
  expect(foreign).toEqual([]);
  expect(pageProblems).toEqual([]);
});

test('the content security policy is in force', async ({ page }) => {
  await openApp(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  // A script injected at run time is blocked by the policy.
  const violation = page.waitForEvent('console', (message) => message.text().includes('Content Security Policy'));
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
  });
  await violation;
  expect(await page.evaluate(() => window.__injected === true)).toBe(false);
});

test('navigation has a place for every screen, each with the file controls', async ({ page, pageProblems }) => {
  await openApp(page);
  const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(navigation.getByRole('link')).toHaveCount(SCREENS.length);
  for (const [segment, label] of SCREENS) {
    await navigation.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#/${segment}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(navigation.getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('button', { name: 'Datei öffnen', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Datei speichern', exact: true })).toBeVisible();
  }
  await navigation.getByRole('link', { name: 'Roadmap', exact: true }).click();
  await expect(page.getByTestId('page-roadmap')).toContainText('folgt in einer der nächsten Ausbaustufen');
  expect(pageProblems).toEqual([]);
});

test('deep links open their screen and the back button returns', async ({ page }) => {
  await openApp(page, '#/settings');
  await expect(page.getByTestId('page-settings')).toBeVisible();
  await page.getByRole('link', { name: 'Initiativen', exact: true }).click();
  await expect(page.getByTestId('page-initiatives')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('page-settings')).toBeVisible();
  await expect(page).toHaveURL(/#\/settings$/);
  await page.goForward();
  await expect(page.getByTestId('page-initiatives')).toBeVisible();
  await page.goto('./#/does-not-exist');
  await expect(page.getByTestId('page-not-found')).toBeVisible();
});

test('a share-link fragment is left alone by the router', async ({ page }) => {
  await openApp(page, '#share=abc');
  await expect(page.getByTestId('page-overview')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#share=abc');
});

test('the language switch changes every text and is remembered in this browser', async ({ page, pageProblems }) => {
  await openApp(page);
  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const navigation = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navigation.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open file', exact: true })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('bitalign.pref.language'))).toBe('en');

  // Error messages follow the language too.
  await page.getByTestId('open-file-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(page.getByTestId('import-error-message')).toContainText('The file is not valid JSON');
  await page.getByTestId('import-error-close').click();

  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
  await page.getByTestId('language').selectOption('de');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  expect(pageProblems).toEqual([]);
});
