// Benchmark of the release build beside the plain-JavaScript yardstick in
// ../shared/bench, in one headless Chromium session (timings on the 2-core machines
// vary by 30-50 % between runs, so only the ratios of one run are meaningful).
//
// Reports: the gzip size of wasm+js+css; navigation to app-ready with the sample and
// with a generated 1,000-initiative model, against the yardstick page's load; the
// import of that model (reading, checking and previewing the file) against
// JSON.parse of the same text. Writes benchmarks/results.md and prints JSON.
//
// Run: scripts/benchmark.sh (builds the release first), or node scripts/benchmark.mjs
// with dist/ already built.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const distDirectory = path.join(repositoryRoot, 'dist');
const referencePath = path.join(repositoryRoot, '..', 'shared', 'bench', 'reference.html');
const APP_PORT = 4180;
const APP_PATH = '/bench/bitalign/';
const REPETITIONS = 5;

const median = (values) => {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

function bundleSizes() {
  const sizes = {};
  for (const name of fs.readdirSync(distDirectory)) {
    const extension = path.extname(name).slice(1);
    if (!['wasm', 'js', 'css'].includes(extension)) continue;
    const bytes = fs.readFileSync(path.join(distDirectory, name));
    // GNU gzip -9, as the CI size gate measures (zlib's level 9 differs by a few KB).
    const gzipped = execFileSync('gzip', ['-9', '-c', path.join(distDirectory, name)]);
    sizes[extension] = { raw: bytes.length, gzip: gzipped.length };
  }
  const totalGzip = Object.values(sizes).reduce((sum, size) => sum + size.gzip, 0);
  return { ...sizes, total_gzip_kb: round(totalGzip / 1024) };
}

/// A valid bitalign file with `count` initiatives: the German trades sample with its
/// initiatives repeated under new ids (dependencies mapped within each copy, so no
/// cycles), as a firm with a long backlog would have.
function generatedModelText(count) {
  const sample = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'public/samples/trades-service.de.bitalign.json'), 'utf8'));
  const originals = sample.model.initiatives;
  const initiatives = [...originals];
  let serial = 0;
  const newId = () => `00000000-0000-4000-8000-${String(serial++).padStart(12, '0')}`;
  for (let copy = 1; initiatives.length < count; copy += 1) {
    const idMap = new Map(originals.map((initiative) => [initiative.id, newId()]));
    for (const initiative of originals) {
      if (initiatives.length >= count) break;
      initiatives.push({
        ...initiative,
        id: idMap.get(initiative.id),
        title: `${initiative.title} (${copy + 1})`,
        cost_lines: initiative.cost_lines.map((line) => ({ ...line, id: newId() })),
        depends_on_ids: initiative.depends_on_ids.map((id) => idMap.get(id)).filter(Boolean),
      });
    }
  }
  sample.model.initiatives = initiatives;
  sample.model.id = '00000000-0000-4000-8000-ffffffffffff';
  sample.model.title = `Benchmark: ${count} Initiativen`;
  sample.export_id = newId();
  return JSON.stringify(sample, null, 2);
}

async function startAppServer() {
  const server = spawn('node', ['tests/e2e/static-server.mjs', '--root', 'dist', '--port', String(APP_PORT), '--prefix', APP_PATH], {
    cwd: repositoryRoot,
    stdio: 'ignore',
  });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ready = await new Promise((resolve) => {
      http.get(`http://127.0.0.1:${APP_PORT}${APP_PATH}`, (response) => { response.resume(); resolve(response.statusCode === 200); })
        .on('error', () => resolve(false));
    });
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app server did not start');
}

async function startReferenceServer() {
  const html = fs.readFileSync(referencePath);
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const appServer = await startAppServer();
const referenceServer = await startReferenceServer();
const referenceUrl = `http://127.0.0.1:${referenceServer.address().port}/`;
const appUrl = `http://127.0.0.1:${APP_PORT}${APP_PATH}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

try {
  const results = { chromium: browser.version(), date: new Date().toISOString(), bundle: bundleSizes() };

  // The yardstick: navigation to the load event of the plain page.
  const referenceLoads = [];
  for (let run = 0; run < REPETITIONS; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(referenceUrl, { waitUntil: 'load' });
    referenceLoads.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.close();
  }
  results.reference_load_ms = round(median(referenceLoads));

  // App-ready on a first visit (the sample is fetched and opened).
  const sampleReady = [];
  for (let run = 0; run < REPETITIONS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    sampleReady.push(await page.evaluate(() => performance.getEntriesByName('app-ready')[0].startTime));
    await context.close();
  }
  results.app_ready_sample_ms = round(median(sampleReady));
  results.app_ready_sample_ratio = round(results.app_ready_sample_ms / results.reference_load_ms, 2);

  // Import of the 1,000-initiative file, then app-ready with it stored.
  const modelText = generatedModelText(1000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
  const importTimes = [];
  for (let run = 0; run < REPETITIONS; run += 1) {
    await page.evaluate(() => performance.clearMarks());
    await page.getByTestId('open-file-input').setInputFiles({ name: 'benchmark.bitalign.json', mimeType: 'application/json', buffer: Buffer.from(modelText) });
    await page.getByTestId('import-preview').waitFor();
    importTimes.push(await page.evaluate(() => {
      const start = performance.getEntriesByName('import-start')[0].startTime;
      return performance.getEntriesByName('import-checked')[0].startTime - start;
    }));
    if (run < REPETITIONS - 1) await page.getByTestId('import-cancel').click();
  }
  const parseTimes = await page.evaluate((text) => {
    const times = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      JSON.parse(text);
      times.push(performance.now() - start);
    }
    return times;
  }, modelText);
  results.model_1000 = { bytes: modelText.length };
  results.import_1000_ms = round(median(importTimes));
  results.json_parse_1000_ms = round(median(parseTimes), 2);
  results.import_1000_ratio = round(results.import_1000_ms / results.json_parse_1000_ms, 2);
  await page.getByTestId('import-replace').click();
  await page.getByTestId('save-status').and(page.locator('[data-status="saved"]')).waitFor();
  const largeReady = [];
  for (let run = 0; run < REPETITIONS; run += 1) {
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    largeReady.push(await page.evaluate(() => performance.getEntriesByName('app-ready')[0].startTime));
  }
  results.app_ready_1000_ms = round(median(largeReady));
  results.app_ready_1000_ratio = round(results.app_ready_1000_ms / results.reference_load_ms, 2);
  await context.close();

  const lines = [
    '# Benchmark results',
    '',
    `Written by \`scripts/benchmark.sh\` on ${results.date} (Chromium ${results.chromium}, headless).`,
    'Ratios compare the app with the plain-JavaScript yardstick of `../shared/bench` in the same run.',
    '',
    '| Measure | bitalign | Yardstick | Ratio |',
    '|---|---|---|---|',
    `| Bundle (wasm+js+css, gzip -9) | ${results.bundle.total_gzip_kb} KB | gate 250 KB, aim 180 KB | |`,
    `| Navigation to app-ready, sample model | ${results.app_ready_sample_ms} ms | plain page load ${results.reference_load_ms} ms | ${results.app_ready_sample_ratio} |`,
    `| Navigation to app-ready, 1,000 initiatives stored | ${results.app_ready_1000_ms} ms | plain page load ${results.reference_load_ms} ms | ${results.app_ready_1000_ratio} |`,
    `| Import of the 1,000-initiative file (${Math.round(results.model_1000.bytes / 1024)} KB: read, check, preview) | ${results.import_1000_ms} ms | JSON.parse ${results.json_parse_1000_ms} ms | ${results.import_1000_ratio} |`,
    '',
    'Medians of 5 runs. Raw figures:',
    '',
    '```json',
    JSON.stringify(results, null, 2),
    '```',
    '',
  ];
  fs.mkdirSync(path.join(repositoryRoot, 'benchmarks'), { recursive: true });
  fs.writeFileSync(path.join(repositoryRoot, 'benchmarks', 'results.md'), lines.join('\n'));
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser.close();
  referenceServer.close();
  appServer.kill();
}
