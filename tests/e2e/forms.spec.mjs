// Recording a whole alignment model through the forms: goal with KPI and
// measurements, an initiative linked to it, a spend item with German money, links,
// validation, deletion with confirmation, undo, reload, and number formats per language.
import { test, expect, openApp, readStoredOpenModel, waitForSaved } from './fixtures.mjs';

/// Starts from an empty model, so the test sees only what it creates.
async function openEmptyModel(page) {
  await openApp(page, '#/settings');
  await page.getByTestId('new-empty-model').click();
  await expect(page.getByTestId('overview-title').or(page.getByTestId('page-settings'))).toBeVisible();
  await waitForSaved(page);
}

async function chooseOption(select, label) {
  await select.selectOption({ label });
}

test('create a goal with a KPI, an initiative linked to it and a spend item; they survive a reload', async ({ page, pageProblems }) => {
  await openEmptyModel(page);

  // Goal: the empty state says what to do, the form marks required fields.
  await page.goto('./#/goals');
  await expect(page.getByTestId('goal-empty')).toContainText('Schritt 1');
  await page.getByTestId('new-goal').click();
  const goalForm = page.getByTestId('goal-form');
  await expect(goalForm.getByLabel('Titel')).toBeFocused();
  await goalForm.getByLabel('Titel').fill('Mehr Aufträge pro Woche');
  await goalForm.getByLabel('Messbare Aussage').fill('+20 % abgeschlossene Aufträge pro Woche bis Ende 2027');
  await goalForm.getByLabel('Gewicht (1–5)').fill('5');
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('goal-row')).toHaveCount(1);
  await expect(page.getByTestId('goal-row')).toContainText('Mehr Aufträge pro Woche');

  // KPI under that goal, from the goal's editor, with a German decimal comma and two
  // quarters of measurements.
  await page.getByTestId('goal-row').getByRole('link').click();
  await page.getByTestId('add-kpi-for-goal').click();
  const kpiForm = page.getByTestId('kpi-form');
  await expect(kpiForm.getByLabel('Geschäftsziel')).toHaveValue(/.+/);
  await kpiForm.getByLabel('Name').fill('Aufträge pro Woche');
  await kpiForm.getByLabel('Einheit').fill('Aufträge');
  await kpiForm.getByLabel('Ausgangswert', { exact: true }).fill('41,5');
  await kpiForm.getByLabel('Zielwert', { exact: true }).fill('1.050');
  await page.getByTestId('measurements-add-row').click();
  await expect(page.getByTestId('measurements-quarter-0')).toBeFocused();
  await page.getByTestId('measurements-quarter-0').fill('Q1 2027');
  await page.getByTestId('measurements-value-0').fill('43,25');
  await page.getByTestId('measurements-add-row').click();
  await page.getByTestId('measurements-quarter-1').fill('2027-Q2');
  await page.getByTestId('measurements-value-1').fill('45');
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('kpi-row')).toHaveCount(1);
  await expect(page.getByTestId('goal-row')).toContainText('ja'); // now measurable

  // Initiative linked to the goal with strength 3, with a one-time cost.
  await page.goto('./#/initiatives');
  await page.getByTestId('new-initiative').click();
  const initiativeForm = page.getByTestId('initiative-form');
  await initiativeForm.getByLabel('Titel').fill('Digitale Plantafel');
  await initiativeForm.getByLabel('Nutzen (1–10)').fill('8');
  await initiativeForm.getByLabel('Aufwand (1–10)').fill('4');
  await initiativeForm.getByLabel('Start (Quartal)').fill('2027-Q1');
  await page.getByTestId('contributions-add-row').click();
  await chooseOption(page.getByTestId('contributions-goal-0'), 'Mehr Aufträge pro Woche');
  await page.getByTestId('contributions-strength-0').fill('3');
  await page.getByTestId('cost-lines-add-row').click();
  await chooseOption(page.getByTestId('cost-lines-category-0'), 'Anschaffung');
  await page.getByTestId('cost-lines-one-time-0').fill('4.800');
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('initiative-row')).toHaveCount(1);
  // Quarters show as people write them; the file stores 2027-Q1.
  await expect(page.getByTestId('initiative-row')).toContainText('Q1 2027');

  // Spend item with running cost typed the German way, linked to goal and initiative.
  await page.goto('./#/budget');
  await page.getByTestId('new-spend-item').click();
  const spendForm = page.getByTestId('spend-item-form');
  await spendForm.getByLabel('Name').fill('Plantafel-Abo');
  await spendForm.getByLabel('Anbieter').fill('Planio GmbH');
  await spendForm.getByRole('checkbox', { name: 'Mehr Aufträge pro Woche' }).check();
  await chooseOption(spendForm.getByLabel('Gehört zu Initiative'), 'Digitale Plantafel');
  await page.getByTestId('cost-lines-add-row').click();
  await chooseOption(page.getByTestId('cost-lines-category-0'), 'Betrieb');
  await page.getByTestId('cost-lines-running-0').fill('1.234,56');
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('spend-item-row')).toHaveCount(1);
  await expect(page.getByTestId('spend-item-row')).toContainText('1.234,56 €');
  await expect(page.getByTestId('budget-from-spend')).toHaveText('1.234,56 €');
  await waitForSaved(page);

  // What is stored is the right numbers and links.
  const stored = await readStoredOpenModel(page);
  const [goal] = stored.goals;
  const [kpi] = stored.kpis;
  const [initiative] = stored.initiatives;
  const [spendItem] = stored.spend_items;
  expect(kpi.goal_id).toBe(goal.id);
  expect(kpi.baseline).toBe(41.5);
  expect(kpi.target).toBe(1050);
  expect(kpi.measurements.map(({ quarter, value }) => ({ quarter, value }))).toEqual([
    { quarter: '2027-Q1', value: 43.25 },
    { quarter: '2027-Q2', value: 45 },
  ]);
  expect(initiative.goal_contributions).toEqual([{ goal_id: goal.id, strength: 3 }]);
  expect(initiative.scores.value).toBe(8);
  expect(initiative.start).toBe('2027-Q1');
  expect(initiative.cost_lines[0].one_time_cents).toBe(480000);
  expect(spendItem.goal_ids).toEqual([goal.id]);
  expect(spendItem.initiative_id).toBe(initiative.id);
  expect(spendItem.cost_lines[0].running_cents_per_year).toBe(123456);

  // After a reload everything is still there.
  await page.reload();
  await expect(page.getByTestId('spend-item-row')).toContainText('Plantafel-Abo');
  await page.goto('./#/goals');
  await expect(page.getByTestId('goal-row')).toContainText('Mehr Aufträge pro Woche');
  await expect(page.getByTestId('kpi-row')).toContainText('Aufträge pro Woche');
  await page.goto('./#/initiatives');
  await expect(page.getByTestId('initiative-row')).toContainText('Digitale Plantafel');
  expect(pageProblems).toEqual([]);
});

test('bad input is explained beside each field, nothing is stored until it is fixed', async ({ page, pageProblems }) => {
  await openEmptyModel(page);
  const before = await readStoredOpenModel(page);
  await page.goto('./#/people');
  await page.getByTestId('new-person').click();
  const form = page.getByTestId('person-form');
  await form.getByLabel('E-Mail').fill('keine-adresse');
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('form-problems')).toHaveText('Bitte prüfen Sie die markierten Felder.');
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(page.locator('#field-name-error')).toHaveText('Bitte ausfüllen.');
  await expect(page.locator('#field-email-error')).toContainText('E-Mail-Adresse');
  // What was typed is kept while the problems are shown.
  await expect(form.getByLabel('E-Mail')).toHaveValue('keine-adresse');
  expect((await readStoredOpenModel(page)).people).toEqual(before.people);

  await form.getByLabel('Name').fill('Martina Keller');
  await form.getByLabel('E-Mail').fill('m.keller@example.de');
  await form.getByRole('checkbox', { name: 'Geschäftsführung' }).check();
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('person-row')).toContainText('Martina Keller');
  await waitForSaved(page);
  const [person] = (await readStoredOpenModel(page)).people;
  expect(person.roles).toEqual(['management']);

  // An integer out of range, in a goal.
  await page.goto('./#/goals');
  await page.getByTestId('new-goal').click();
  await page.getByTestId('goal-form').getByLabel('Titel').fill('Ziel');
  await page.getByTestId('goal-form').getByLabel('Gewicht (1–5)').fill('9');
  await page.getByTestId('save-entity').click();
  await expect(page.locator('#field-weight-error')).toHaveText('Bitte eine ganze Zahl von 1 bis 5 eingeben.');
  // Escape closes the form from within it: focus has moved to the field to fix.
  await expect(page.getByTestId('goal-form').getByLabel('Gewicht (1–5)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('goal-form')).toHaveCount(0);
  // Focus is not lost with the form: it is back on the screen's content.
  await expect(page.locator('main')).toBeFocused();
  await expect(page.getByTestId('goal-empty')).toBeVisible();
  expect(pageProblems).toEqual([]);
});

test('deleting asks first, cleans links, and undo brings it back', async ({ page, pageProblems }) => {
  await openApp(page, '#/capabilities');
  const processRows = page.getByTestId('process-row');
  const countBefore = await processRows.count();
  const name = await processRows.first().locator('th').textContent();
  await processRows.first().getByRole('link').click();
  await page.getByTestId('delete-entity').click();
  await expect(page.getByTestId('confirm-delete')).toContainText(name);
  await expect(page.getByTestId('confirm-delete-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
  await expect(processRows).toHaveCount(countBefore);

  await page.getByTestId('delete-entity').click();
  await page.getByTestId('confirm-delete-accept').click();
  await expect(processRows).toHaveCount(countBefore - 1);
  await waitForSaved(page);
  let stored = await readStoredOpenModel(page);
  expect(stored.processes.some((process) => process.name === name)).toBe(false);
  const stillLinked = [...stored.capabilities, ...stored.initiatives, ...stored.spend_items]
    .some((entity) => entity.process_ids.some((id) => !stored.processes.some((process) => process.id === id)));
  expect(stillLinked).toBe(false);

  await page.getByTestId('undo').click();
  await expect(processRows).toHaveCount(countBefore);
  await waitForSaved(page);
  stored = await readStoredOpenModel(page);
  expect(stored.processes.some((process) => process.name === name)).toBe(true);
  expect(pageProblems).toEqual([]);
});

test('a person who still owns things cannot be deleted, and the message says why', async ({ page }) => {
  await openApp(page, '#/people');
  await page.getByTestId('person-row').first().getByRole('link').click();
  await page.getByTestId('delete-entity').click();
  await page.getByTestId('confirm-delete-accept').click();
  await expect(page.getByTestId('notice').filter({ hasText: 'Änderung nicht möglich' })).toBeVisible();
  await expect(page.getByTestId('person-form')).toBeVisible();
});

test('the overview links uncovered spend to its editor; the language switch changes number formats', async ({ page, pageProblems }) => {
  await openApp(page);
  const uncovered = page.getByTestId('uncovered-item').first();
  await expect(uncovered).toBeVisible();
  const name = await uncovered.getByRole('link').textContent();
  const germanTotal = await page.getByTestId('total-yearly-cost').textContent();
  expect(germanTotal).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\s€$/);
  await uncovered.getByRole('link').click();
  await expect(page.getByTestId('page-budget')).toBeVisible();
  await expect(page.getByTestId('spend-item-form').getByLabel('Name')).toHaveValue(name);
  expect(page.url()).toMatch(/#\/budget\/.+/);

  // Linking it to a process and a measurable goal removes it from the uncovered list.
  const spendForm = page.getByTestId('spend-item-form');
  await spendForm.locator('#field-processes input[type=checkbox]').first().check();
  // The first goal the goals list calls measurable.
  const goalsPage = await page.context().newPage();
  await openApp(goalsPage, '#/goals');
  const measurableGoal = (await goalsPage.getByTestId('goal-row').filter({ has: goalsPage.getByRole('cell', { name: 'ja', exact: true }) }).first().locator('th').textContent()).trim();
  await goalsPage.close();
  await spendForm.getByRole('checkbox', { name: measurableGoal, exact: true }).check();
  await page.getByTestId('save-entity').click();
  await expect(page.getByTestId('spend-item-form')).toHaveCount(0);
  await page.goto('./#/overview');
  await expect(page.getByTestId('uncovered-item').filter({ hasText: name })).toHaveCount(0);

  await page.getByTestId('language').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Alignment coverage' })).toBeVisible();
  const englishTotal = await page.getByTestId('total-yearly-cost').textContent();
  expect(englishTotal).toMatch(/^€\d{1,3}(,\d{3})*\.\d{2}$/);
  await page.goto('./#/initiatives');
  await expect(page.getByRole('columnheader', { name: 'Cost per year' })).toBeVisible();
  expect(pageProblems).toEqual([]);
});

test('settings: currency and thresholds are validated and stored as one undo step', async ({ page, pageProblems }) => {
  await openApp(page, '#/settings');
  const form = page.getByTestId('settings-form');
  await form.getByLabel('Währung').fill('Euro');
  await page.getByTestId('apply-model-info').click();
  await expect(page.locator('#field-currency-error')).toContainText('drei Buchstaben');
  await form.getByLabel('Währung').fill('chf');
  await form.getByLabel('Höchstzahl paralleler Initiativen').fill('7');
  await form.getByLabel('IT-Budget pro Jahr').fill('25.000');
  await page.getByTestId('apply-model-info').click();
  await waitForSaved(page);
  const stored = await readStoredOpenModel(page);
  expect(stored.currency).toBe('CHF');
  expect(stored.settings.wip_limit).toBe(7);
  expect(stored.settings.it_budget_cents_per_year).toBe(2500000);
  await page.getByTestId('undo').click();
  await waitForSaved(page);
  const undone = await readStoredOpenModel(page);
  expect(undone.currency).toBe('EUR');
  expect(undone.settings.wip_limit).not.toBe(7);
  expect(pageProblems).toEqual([]);
});

test('the second sample opens as a new model from the settings', async ({ page, pageProblems }) => {
  await openApp(page, '#/settings');
  const storedModels = page.getByTestId('stored-model');
  const before = await storedModels.count();
  await page.getByTestId('open-sample-b2b').click();
  await expect(storedModels).toHaveCount(before + 1);
  await expect(page.getByTestId('model-title')).toContainText('Lindner Messtechnik');
  await page.goto('./#/initiatives');
  await expect(page.getByTestId('initiative-row').filter({ hasText: /Copilot|KI/ })).not.toHaveCount(0);
  expect(pageProblems).toEqual([]);
});
