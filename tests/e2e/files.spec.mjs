// Files and storage: export and import, every class of bad file, undo and redo,
// corrupt and full storage, and several models side by side.
import { readFile } from 'node:fs/promises';
import {
  test,
  expect,
  openApp,
  readAppStorage,
  readStoredOpenModel,
  waitForAppReady,
  waitForSaved,
} from './fixtures.mjs';

async function renameOpenModel(page, title) {
  await page.getByRole('link', { name: 'Einstellungen', exact: true }).click();
  await page.getByLabel('Titel des Modells').fill(title);
  await page.getByTestId('apply-model-info').click();
  await expect(page.getByTestId('model-title')).toHaveText(title);
  await waitForSaved(page);
}

async function exportOpenModel(page) {
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Datei speichern', exact: true }).click();
  const download = await downloadPromise;
  const text = await readFile(await download.path(), 'utf8');
  return { fileName: download.suggestedFilename(), text };
}

async function chooseFile(page, name, content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  await page.getByTestId('open-file-input').setInputFiles({ name, mimeType: 'application/json', buffer });
}

test('export, delete, import the exported file, export again', async ({ page, pageProblems }) => {
  await openApp(page);
  await renameOpenModel(page, 'Rundreise Modell');
  const storedBefore = await readStoredOpenModel(page);

  const first = await exportOpenModel(page);
  expect(first.fileName).toMatch(/^Rundreise-Modell-\d{4}-\d{2}-\d{2}\.bitalign\.json$/);
  const firstFile = JSON.parse(first.text);
  expect(firstFile.format).toBe('bitalign');
  expect(firstFile.schema_version).toBe(1);
  expect(typeof firstFile.export_id).toBe('string');
  expect(first.text.endsWith('\n')).toBe(true);
  expect(first.text).toContain('\n  "model": {');
  expect(firstFile.model).toEqual(storedBefore);
  // The export is kept as the base of a later three-way merge.
  const bases = JSON.parse((await readAppStorage(page))[`bitalign.bases.${storedBefore.id}`]);
  expect(bases.map((base) => base.export_id)).toEqual([firstFile.export_id]);

  // Delete the only model: the app opens a new empty one.
  await page.getByTestId('delete-stored-model').click();
  await page.getByTestId('confirm-delete-accept').click();
  await expect(page.getByTestId('model-title')).toHaveText('Neues Modell');
  await expect(page.getByTestId('stored-model')).toHaveCount(1);

  // Import the exported file as a new model.
  await chooseFile(page, first.fileName, first.text);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('import-model-title')).toHaveText('Rundreise Modell');
  await expect(preview).toContainText('Initiativen');
  await preview.getByTestId('import-add').click();
  await expect(page.getByTestId('model-title')).toHaveText('Rundreise Modell');
  await waitForSaved(page);
  expect(await readStoredOpenModel(page)).toEqual(storedBefore);

  // Exporting again gives the same file apart from the export's own time and id.
  const second = await exportOpenModel(page);
  const secondFile = JSON.parse(second.text);
  expect(secondFile.based_on).toBe(firstFile.export_id);
  const withoutExportFields = ({ exported_at, export_id, based_on, ...rest }) => rest;
  expect(withoutExportFields(secondFile)).toEqual(withoutExportFields(firstFile));
  const normalize = (text) =>
    text
      .replace(/"exported_at": "[^"]*"/, '')
      .replace(/"export_id": "[^"]*"/, '')
      .replace(/"based_on": (null|"[^"]*")/, '');
  expect(normalize(second.text)).toBe(normalize(first.text));
  expect(pageProblems).toEqual([]);
});

test('every class of bad file is explained and changes nothing', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await renameOpenModel(page, 'Unverändert');
  const valid = JSON.parse((await exportOpenModel(page)).text);
  const storageBefore = await readAppStorage(page);

  const mutated = (change) => {
    const copy = structuredClone(valid);
    change(copy);
    return JSON.stringify(copy, null, 2);
  };
  const pngHeader = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const badFiles = [
    ['leer.json', '', 'Die Datei ist leer'],
    ['kein-json.json', 'Das ist { kein JSON', 'kein gültiges JSON: Fehler in Zeile 1'],
    ['package.json', '{"name": "something", "version": "1.0.0"}', 'keine bitalign-Datei'],
    ['neuer.bitalign.json', mutated((file) => { file.schema_version = 99; }), 'neueren Version von bitalign'],
    ['falscher-typ.bitalign.json', mutated((file) => { file.model.initiatives[0].scores.value = 'hoch'; }), 'model.initiatives[0].scores.value'],
    ['bereich.bitalign.json', mutated((file) => { file.model.initiatives[0].scores.effort = 11; }), 'außerhalb des erlaubten Bereichs von 1 bis 10'],
    ['verweis.bitalign.json', mutated((file) => { file.model.goals[0].owner_id = 'niemand'; }), 'das es im Modell nicht gibt'],
    ['doppelt.bitalign.json', mutated((file) => { file.model.people.push(structuredClone(file.model.people[0])); }), 'kommt doppelt vor'],
    ['bild.png', pngHeader, 'keine Textdatei'],
    ['riesig.json', Buffer.alloc(21 * 1024 * 1024, 0x61), 'zu groß'],
    ['muell.json', Buffer.alloc(3 * 1024 * 1024, 0x7a), 'kein gültiges JSON'],
    ['verschachtelt.json', '['.repeat(100_000), 'zu tief verschachtelt'],
  ];
  for (const [name, content, expectedText] of badFiles) {
    await chooseFile(page, name, content);
    const dialog = page.getByTestId('import-error');
    await expect(dialog, name).toBeVisible();
    await expect(dialog.getByTestId('import-error-message'), name).toContainText(expectedText);
    await expect(dialog).toContainText('unverändert');
    await dialog.getByTestId('import-error-close').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('model-title')).toHaveText('Unverändert');
    expect(await readAppStorage(page), name).toEqual(storageBefore);
  }
});

test('a file dropped onto the window is opened', async ({ page }) => {
  await openApp(page);
  await renameOpenModel(page, 'Gezogen');
  const exported = await exportOpenModel(page);
  await renameOpenModel(page, 'Anders');
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'gezogen.bitalign.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, exported.text);
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-model-title')).toHaveText('Gezogen');
  await preview.getByTestId('import-replace').click();
  await expect(page.getByTestId('model-title')).toHaveText('Gezogen');
  // Replacing is one undo step.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('model-title')).toHaveText('Anders');
  await waitForSaved(page);
  expect((await readStoredOpenModel(page)).title).toBe('Anders');
});

test('undo and redo by buttons and keyboard, saved each time', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await renameOpenModel(page, 'Erster Titel');
  await renameOpenModel(page, 'Zweiter Titel');

  await page.getByTestId('apply-model-info').blur();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('model-title')).toHaveText('Erster Titel');
  await waitForSaved(page);
  expect((await readStoredOpenModel(page)).title).toBe('Erster Titel');

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('model-title')).toHaveText('Zweiter Titel');
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('model-title')).toHaveText('Erster Titel');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('model-title')).toHaveText('Zweiter Titel');
  await expect(page.getByTestId('redo')).toBeDisabled();
  await waitForSaved(page);
  expect((await readStoredOpenModel(page)).title).toBe('Zweiter Titel');

  // The model survives a reload.
  await page.reload();
  await waitForAppReady(page);
  await expect(page.getByTestId('model-title')).toHaveText('Zweiter Titel');
});

test('unreadable stored data is kept as a backup and the app still starts', async ({ page, pageProblems }) => {
  const brokenText = '{"format":"bitalign","schema_version":1,"model":{"id": kaputt';
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    localStorage.setItem('bitalign.index', JSON.stringify({ version: 1, active_slot_id: 'slot-a', slots: [{ slot_id: 'slot-a', model_id: 'm', title: 'Kaputt' }] }));
    localStorage.setItem('bitalign.model.slot-a', text);
  }, brokenText);
  await openApp(page);
  const notice = page.getByTestId('notice').filter({ hasText: 'konnten nicht gelesen werden' });
  await expect(notice).toBeVisible();
  const storage = await readAppStorage(page);
  expect(storage['bitalign.model.slot-a']).toBe(brokenText);
  const backups = Object.entries(storage).filter(([key]) => key.startsWith('bitalign.backup.'));
  expect(backups.map(([, value]) => value)).toEqual([brokenText]);

  const downloadPromise = page.waitForEvent('download');
  await notice.getByTestId('download-backup').click();
  const download = await downloadPromise;
  expect(await readFile(await download.path(), 'utf8')).toBe(brokenText);
  expect(pageProblems).toEqual([]);
});

test('a model stored by a newer bitalign is not overwritten', async ({ page }) => {
  const newerText = JSON.stringify({ format: 'bitalign', schema_version: 99, model: { id: 'x', future_field: true } });
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', 'yes');
    localStorage.setItem('bitalign.index', JSON.stringify({ version: 1, active_slot_id: 'slot-new', slots: [{ slot_id: 'slot-new', model_id: 'x', title: 'Neu' }] }));
    localStorage.setItem('bitalign.model.slot-new', text);
  }, newerText);
  await openApp(page);
  await expect(page.getByTestId('notice').filter({ hasText: 'neueren Version von bitalign' })).toBeVisible();
  await renameOpenModel(page, 'Beispiel geändert');
  const storage = await readAppStorage(page);
  expect(storage['bitalign.model.slot-new']).toBe(newerText);
});

test('a full storage is reported, keeps the stored text and the open model', async ({ page }) => {
  await page.addInitScript(() => {
    const originalSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function setItem(key, value) {
      if (window.__storageFull && key.startsWith('bitalign.model.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return originalSetItem.call(this, key, value);
    };
  });
  await openApp(page);
  await renameOpenModel(page, 'Gespeichert');
  const storedBefore = await readAppStorage(page);

  await page.evaluate(() => { window.__storageFull = true; });
  await page.getByLabel('Titel des Modells').fill('Nur im Speicher');
  await page.getByTestId('apply-model-info').click();
  await expect(page.getByTestId('notice').filter({ hasText: 'Speicher des Browsers ist voll' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('model-title')).toHaveText('Nur im Speicher');
  expect(await readAppStorage(page)).toEqual(storedBefore);

  // The open model can still be exported.
  const { text } = await exportOpenModel(page);
  expect(JSON.parse(text).model.title).toBe('Nur im Speicher');
});

test('several models side by side: create, rename, switch, duplicate, delete', async ({ page, pageProblems }) => {
  await openApp(page);
  await renameOpenModel(page, 'Erstes Modell');
  const models = page.getByTestId('stored-model');
  await expect(models).toHaveCount(1);

  await page.getByTestId('new-empty-model').click();
  await expect(models).toHaveCount(2);
  await expect(page.getByTestId('model-title')).toHaveText('Neues Modell');
  await page.getByRole('link', { name: 'Überblick', exact: true }).click();
  await expect(page.getByTestId('empty-model-hint')).toBeVisible();

  await page.getByRole('link', { name: 'Einstellungen', exact: true }).click();
  const secondEntry = models.filter({ hasText: 'Neues Modell' });
  await secondEntry.getByTestId('rename-stored-model').click();
  await page.getByTestId('rename-model-input').fill('Zweites Modell');
  await page.getByTestId('rename-model-input').press('Enter');
  await expect(page.getByTestId('model-title')).toHaveText('Zweites Modell');

  await models.filter({ hasText: 'Erstes Modell' }).getByTestId('open-stored-model').click();
  await expect(page.getByTestId('model-title')).toHaveText('Erstes Modell');

  await models.filter({ hasText: 'Erstes Modell' }).getByTestId('duplicate-stored-model').click();
  await expect(models).toHaveCount(3);
  await expect(page.getByTestId('model-title')).toHaveText('Erstes Modell (Kopie)');

  // Cancelling the confirmation deletes nothing; confirming deletes.
  const copyEntry = models.filter({ hasText: 'Erstes Modell (Kopie)' });
  await copyEntry.getByTestId('delete-stored-model').click();
  await page.getByTestId('confirm-delete-cancel').click();
  await expect(models).toHaveCount(3);
  await copyEntry.getByTestId('delete-stored-model').click();
  await expect(page.getByTestId('confirm-delete')).toContainText('Erstes Modell (Kopie)');
  await page.getByTestId('confirm-delete-accept').click();
  await expect(models).toHaveCount(2);
  await waitForSaved(page);

  await page.reload();
  await waitForAppReady(page);
  await expect(models).toHaveCount(2);
  await expect(page.getByTestId('stored-model-title')).toHaveText(['Erstes Modell', 'Zweites Modell']);
  const storage = await readAppStorage(page);
  expect(Object.keys(storage).filter((key) => key.startsWith('bitalign.model.'))).toHaveLength(2);
  expect(pageProblems).toEqual([]);
});

test('a reminder appears when the last backup file is older than a month', async ({ page }) => {
  await openApp(page);
  await renameOpenModel(page, 'Alte Sicherung');
  await exportOpenModel(page);
  await expect(page.getByTestId('export-reminder')).toBeHidden();
  // Move the recorded export back by 40 days, as if the app was last used then.
  await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('bitalign.index'));
    const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString();
    index.slots = index.slots.map((slot) => ({ ...slot, last_export: fortyDaysAgo }));
    localStorage.setItem('bitalign.index', JSON.stringify(index));
  });
  await page.reload();
  await waitForAppReady(page);
  const reminder = page.getByTestId('export-reminder');
  await expect(reminder).toContainText('über einen Monat alt');
  const downloadPromise = page.waitForEvent('download');
  await reminder.getByTestId('export-reminder-save').click();
  await downloadPromise;
  await expect(reminder).toBeHidden();
});
