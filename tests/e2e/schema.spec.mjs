// The JSON Schema shipped in dist/ is served with the app, and files the app exports
// (and the embedded samples) validate against it with an independent validator (ajv).
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, openApp } from './fixtures.mjs';

async function compiledSchema(request) {
  const response = await request.get('./bitalign.schema.json');
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

test('exported files validate against the shipped JSON Schema', async ({ page, request }) => {
  const validate = await compiledSchema(request);
  await openApp(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Datei speichern', exact: true }).click();
  const download = await downloadPromise;
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const valid = validate(exported);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);

  // The schema is not a rubber stamp: a score out of range and an unknown field fail.
  const broken = structuredClone(exported);
  broken.model.initiatives[0].scores.value = 11;
  expect(validate(broken)).toBe(false);
  const unknownField = structuredClone(exported);
  unknownField.model.unexpected = true;
  expect(validate(unknownField)).toBe(false);
});

test('the sample files and the stored fixture validate against the schema', async ({ request }) => {
  const validate = await compiledSchema(request);
  for (const path of ['public/samples/trades-service.de.bitalign.json', 'tests/fixtures/bitalign-schema-version-1.json']) {
    const file = JSON.parse(await readFile(new URL(`../../${path}`, import.meta.url), 'utf8'));
    const valid = validate(file);
    expect(validate.errors ?? [], path).toEqual([]);
    expect(valid, path).toBe(true);
  }
});
