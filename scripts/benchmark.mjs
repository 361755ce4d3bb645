// Benchmark of the release build beside the plain-JavaScript yardstick in
// ../shared/bench, in one headless Chromium session (timings on the 2-core machines
// vary by 30-50 % between runs, so only the ratios of one run are meaningful).
//
// Reports: the gzip size of wasm+js+css; navigation to app-ready with the sample and
// with a generated 1,000-initiative model, against the yardstick page's load; the
// import of that model (reading, checking and previewing the file) against
// JSON.parse of the same text; the priority matrix at 1,000 and 5,000 initiatives
// (the render after a change of data, the render after navigating to the screen, and
// the main-thread work per pointer move of a drag) against the yardstick's svgBench
// and dragBench; and, when the build has the roadmap screen (cargo feature
// roadmap-screen), the same three measures of the roadmap at 1,000 and 5,000
// initiatives against svgBench("roadmap") and dragBench, with the longest task while
// the screen is drawn. Writes benchmarks/results.md and prints JSON.
//
// Run: scripts/benchmark.sh (builds the release first), or node scripts/benchmark.mjs
// with dist/ already built. BITALIGN_DIST=<folder> measures another build than the
// repository's dist/, for example a copy taken while dist/ is being rebuilt, or a
// build with the roadmap screen (the shipped build has none, and the roadmap section
// of benchmarks/results.md is then kept from the run that measured it).
// BITALIGN_ONLY=roadmap measures only the roadmap (the whole benchmark takes long) and
// replaces only the roadmap section of benchmarks/results.md.
// BITALIGN_PROFILE_DIR=<folder> also writes the raw CPU profiles (.cpuprofile) and
// traces (.json) of the matrix and roadmap diagnostics there, to open in Chromium's
// DevTools.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
// The build to measure: the repository's dist/ unless BITALIGN_DIST names another
// folder (resolved against the working directory, as a shell user would expect).
const distDirectory = process.env.BITALIGN_DIST ? path.resolve(process.env.BITALIGN_DIST) : path.join(repositoryRoot, 'dist');
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
/// cycles), as a firm with a long backlog would have. With `withRoadmapSchedule`, every
/// initiative also gets a start and duration inside the roadmap horizon (see
/// spreadScheduleOverHorizon); without it the text is the one the matrix and app-ready
/// measurements have always used.
function generatedModelText(count, { withRoadmapSchedule = false } = {}) {
  const sample = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'public/samples/trades-service.de.bitalign.json'), 'utf8'));
  const originals = sample.model.initiatives;
  const initiatives = [...originals];
  let serial = 0;
  const newId = () => `00000000-0000-4000-8000-${String(serial++).padStart(12, '0')}`;
  for (let copy = 1; initiatives.length < count; copy += 1) {
    const idMap = new Map(originals.map((initiative) => [initiative.id, newId()]));
    for (const initiative of originals) {
      if (initiatives.length >= count) break;
      const serial = initiatives.length;
      initiatives.push({
        ...initiative,
        id: idMap.get(initiative.id),
        title: `${initiative.title} (${copy + 1})`,
        // A long backlog has every pair of whole scores about equally often, not the
        // sample's few points repeated (which the matrix would stack).
        scores: {
          ...initiative.scores,
          value: 1 + (serial % 10),
          effort: 1 + ((Math.floor(serial / 10) + copy) % 10),
        },
        cost_lines: initiative.cost_lines.map((line) => ({ ...line, id: newId() })),
        depends_on_ids: initiative.depends_on_ids.map((id) => idMap.get(id)).filter(Boolean),
      });
    }
  }
  sample.model.initiatives = initiatives;
  if (withRoadmapSchedule) spreadScheduleOverHorizon(sample.model, originals.length);
  sample.model.id = '00000000-0000-4000-8000-ffffffffffff';
  sample.model.title = `Benchmark: ${count} Initiativen`;
  sample.export_id = newId();
  return JSON.stringify(sample, null, 2);
}

/// The running number of a quarter written as `2026-Q4`, as the app's Quarter::ordinal
/// counts (year * 4 + quarter - 1), so that differences count quarters.
function quarterOrdinal(quarterText) {
  const [year, quarterOfYear] = quarterText.split('-Q').map(Number);
  return year * 4 + quarterOfYear - 1;
}

/// The text of the quarter with the running number `ordinal` (the inverse of quarterOrdinal).
function quarterText(ordinal) {
  return `${Math.floor(ordinal / 4)}-Q${(ordinal % 4) + 1}`;
}

/// Gives every initiative of `model` a schedule that lies wholly inside the roadmap
/// horizon (settings.roadmap_horizon_quarters quarters from planning_start), so that the
/// timeline draws one bar per initiative: the sample's own starts partly lie before the
/// horizon, and its copies would stack on the same few quarters. Durations cycle
/// through 1, 2 and 3 quarters by index and starts step through every quarter that
/// leaves room for the duration, so bars spread evenly over lanes, rows and quarters.
/// The copies lose their dependencies: with shuffled starts nearly every one would be
/// violated, and thousands of flagged bars and arrows are not what a planned backlog
/// looks like; the sample's own initiatives (the first `originalCount`) keep theirs.
function spreadScheduleOverHorizon(model, originalCount) {
  const horizonQuarters = model.settings.roadmap_horizon_quarters;
  const firstOrdinal = quarterOrdinal(model.planning_start);
  model.initiatives.forEach((initiative, index) => {
    const durationQuarters = 1 + (index % 3);
    const possibleStarts = Math.max(1, horizonQuarters - durationQuarters + 1);
    // Index / 3 rather than the index itself: the index already chose the duration, and
    // stepping by it would give each duration only a few of its possible starts.
    const startOffset = Math.floor(index / 3) % possibleStarts;
    initiative.start = quarterText(firstOrdinal + startOffset);
    initiative.duration_quarters = durationQuarters;
    if (index >= originalCount) initiative.depends_on_ids = [];
  });
}

async function startAppServer() {
  const server = spawn('node', ['tests/e2e/static-server.mjs', '--root', distDirectory, '--port', String(APP_PORT), '--prefix', APP_PATH], {
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

// ---------------------------------------------------------------------------------
// Priority matrix at 1,000 and 5,000 initiatives.
// ---------------------------------------------------------------------------------

const MATRIX_SIZES = [1000, 5000];
// Timed renders per kind and size. More than the 5 above: one render at 1,000 takes
// a quarter of a second, and the aim (1.5x) sits close to the run-to-run noise.
const MATRIX_REPETITIONS = 9;
// Pointer moves per drag, and drags per size, for the app and the yardstick alike.
const DRAG_FRAMES = 60;
const DRAG_REPETITIONS = 3;
// The app at 5,000 initiatives may take seconds per step on a slow 2-core machine;
// waiting is bounded only to fail with a message instead of hanging for ever.
const SLOW_STEP_TIMEOUT_MS = 10 * 60 * 1000;
const IN_PAGE_TIMEOUT_MS = 5 * 60 * 1000;

const percentile = (values, fraction) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
};

/// Installs the in-page helpers the matrix and roadmap measurements share. Hash
/// navigation keeps the document, so one installation after each page load is enough.
async function installPageHelpers(page) {
  await page.evaluate(() => {
    // The same definition of "the frame after paint" as the yardstick's nextPaint:
    // the animation frame runs before the frame is produced, the task after it runs
    // once that frame's paint has been done.
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // Resolves as soon as `condition` holds: checked at once and after every batch
    // of DOM mutations, so the wait adds no polling delay to what is measured. The
    // value is the time at which the condition was seen to hold, which splits a
    // measured render into building the DOM and producing the frame.
    const waitForDomCondition = (condition, timeoutMs, description) => new Promise((resolve, reject) => {
      if (condition()) {
        resolve(performance.now());
        return;
      }
      const observer = new MutationObserver(() => {
        if (!condition()) return;
        const heldAt = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(heldAt);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
      }, timeoutMs);
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    });
    // Records the long tasks (over 50 ms, as Chromium reports them) from now until the
    // returned function is called; that function resolves to their start times and
    // durations in ms. It waits one more task first, because an entry is queued only
    // after its task ends. The longest one says for how long the page could not answer
    // a key or a click.
    const observeLongTasks = () => {
      const tasks = [];
      const record = (entries) => {
        for (const entry of entries) tasks.push({ startTime: entry.startTime, duration: entry.duration });
      };
      const observer = new PerformanceObserver((list) => record(list.getEntries()));
      observer.observe({ type: 'longtask' });
      return async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        record(observer.takeRecords());
        observer.disconnect();
        return tasks;
      };
    };
    // Records when the debounced save of a change ends (the header's save status
    // leaves "pending" after having entered it), from now until the returned function
    // is called; that function gives the time, or null if the save had not ended. It
    // tells whether a save ran inside a measured render (after a render longer than the
    // save's delay of 300 ms it does), and whether before or after the frame.
    const observeSaveEnd = () => {
      const statusElement = document.querySelector('[data-testid="save-status"]');
      let sawPending = false;
      let saveEndedAt = null;
      const observer = new MutationObserver(() => {
        const status = statusElement.getAttribute('data-status');
        if (status === 'pending') sawPending = true;
        else if (sawPending && saveEndedAt === null) saveEndedAt = performance.now();
      });
      observer.observe(statusElement, { attributes: true, attributeFilter: ['data-status'] });
      return () => {
        observer.disconnect();
        return saveEndedAt;
      };
    };
    // Starts watching a render (its long tasks, and the end of the save when the render
    // follows a change of data) just before the change or navigation is made; the
    // returned function, called once the new content is in the DOM, waits for the frame
    // after paint as nextPaint does and returns the render's figures, `start` being the
    // time of the change.
    //
    // nextPaint ends with the first task after the animation frame. Behind a long
    // render, though, Chromium has other tasks waiting that it runs after producing the
    // frame and before that one: the app's overdue save (debounced by 300 ms), and the
    // autofill agent's check of replaced form controls (FormControlDidChange, which
    // restyles and lays out the whole document again; the toolbar is rebuilt with every
    // change). They delay nextPaint but not the painted frame. So the time to the
    // painted frame is the nextPaint time less the long tasks that started after the
    // animation frame (the frame's own rendering runs in the task that ran the animation
    // frame, which started before it); tasks under 50 ms are not reported and stay in.
    // The nextPaint time itself is kept: it is when the main thread is free again.
    const watchRender = () => {
      const stopObservingSave = observeSaveEnd();
      const stopObservingLongTasks = observeLongTasks();
      return async (start) => {
        let frameAt = null;
        await new Promise((resolve) => requestAnimationFrame(() => {
          frameAt = performance.now();
          setTimeout(resolve, 0);
        }));
        const afterPaintAt = performance.now();
        const saveStatusAfterPaint = document.querySelector('[data-testid="save-status"]').getAttribute('data-status');
        const saveEndedAt = stopObservingSave();
        const longTasks = await stopObservingLongTasks();
        const tasksAfterFrame = longTasks.filter((task) => task.startTime >= frameAt && task.startTime < afterPaintAt);
        const tasksAfterFrameMs = tasksAfterFrame.reduce((sum, task) => sum + task.duration, 0);
        return {
          elapsedMs: afterPaintAt - start - tasksAfterFrameMs,
          mainThreadFreeMs: afterPaintAt - start,
          frameStartedMs: frameAt - start,
          tasksAfterFrameMs,
          saveEndedMs: saveEndedAt === null ? null : saveEndedAt - start,
          saveRanAfterFrame: saveEndedAt !== null && saveEndedAt > frameAt,
          saveStatusAfterPaint,
          longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
        };
      };
    };
    window.bitalignBenchmarkHelpers = { nextPaint, waitForDomCondition, observeLongTasks, observeSaveEnd, watchRender };
  });
}

/// Waits until the debounced save of the last change has been written (or has failed),
/// so that no save falls into the next measurement, and until a frame has passed.
async function waitForSaveToSettle(page) {
  await page.locator('[data-testid="save-status"]:not([data-status="pending"])').waitFor({ timeout: SLOW_STEP_TIMEOUT_MS });
  await page.evaluate(() => window.bitalignBenchmarkHelpers.nextPaint());
}

/// Replaces the open model with a generated one of `count` initiatives through the
/// file import, the way the app-ready measurement stores its 1,000-initiative model.
/// `modelOptions` go to generatedModelText (the roadmap asks for a schedule).
async function openGeneratedModel(page, count, modelOptions = {}) {
  const modelText = generatedModelText(count, modelOptions);
  await page.getByTestId('open-file-input').setInputFiles({ name: `benchmark-${count}.bitalign.json`, mimeType: 'application/json', buffer: Buffer.from(modelText) });
  await page.getByTestId('import-preview').waitFor({ timeout: SLOW_STEP_TIMEOUT_MS });
  await page.getByTestId('import-replace').click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached', timeout: SLOW_STEP_TIMEOUT_MS });
  await page.locator('[data-testid="save-status"]:not([data-status="pending"])').waitFor({ timeout: SLOW_STEP_TIMEOUT_MS });
  return {
    bytes: modelText.length,
    save_status_after_import: await page.getByTestId('save-status').getAttribute('data-status'),
  };
}

/// Opens the matrix screen and waits until its SVG is drawn and painted; returns how
/// many initiatives it shows as bubbles and how many wait in the tray of unscored ones.
/// The matrix is built in one piece, so once its SVG is in the page all bubbles are.
async function openMatrixScreen(page) {
  return page.evaluate(async ({ timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    location.hash = '#/matrix';
    await helpers.waitForDomCondition(
      () => document.querySelector('[data-testid="page-matrix"] [data-testid="matrix-svg"]') !== null,
      timeoutMs,
      'the matrix SVG',
    );
    await helpers.nextPaint();
    const layout = document.querySelector('[data-testid="page-matrix"] .matrix-layout');
    return {
      bubbles: layout.querySelectorAll('[data-testid="bubble"]').length,
      unscored: layout.querySelectorAll('[data-testid="tray-item"]').length,
    };
  }, { timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// (a) One change of data: the focused bubble moves one score step by a keydown, the
/// command re-renders the matrix; timed from just before the event to the frame after
/// the new matrix is painted. The axis alternates, and the direction is chosen so the
/// score never sits at a limit (a step at 1 or 10 would change nothing).
async function measureKeyboardChange(page, axis) {
  return page.evaluate(async ({ axis, timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    const bubble = document.activeElement;
    if (!bubble || bubble.getAttribute('data-testid') !== 'bubble') throw new Error('no bubble has the focus before the keyboard change');
    const initiativeId = bubble.getAttribute('data-bubble');
    const scoreAttribute = axis === 'value' ? 'data-value' : 'data-effort';
    const scoreBefore = Number(bubble.getAttribute(scoreAttribute));
    const key = axis === 'value'
      ? (Math.round(scoreBefore) <= 5 ? 'ArrowUp' : 'ArrowDown')
      : (Math.round(scoreBefore) <= 5 ? 'ArrowRight' : 'ArrowLeft');
    const selector = `[data-bubble="${CSS.escape(initiativeId)}"]`;
    const start = performance.now();
    bubble.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    // A rebuilt bubble (a new element) with the other score proves that the model
    // changed and the matrix was drawn again, not merely that the event was handled.
    const redrawnAt = await helpers.waitForDomCondition(() => {
      const current = document.querySelector(selector);
      return current !== null && current !== bubble && Number(current.getAttribute(scoreAttribute)) !== scoreBefore;
    }, timeoutMs, `the bubble to be redrawn with a new ${scoreAttribute}`);
    const saveStatusAtRedraw = document.querySelector('[data-testid="save-status"]').getAttribute('data-status');
    document.body.offsetHeight;
    await helpers.nextPaint();
    const elapsedMs = performance.now() - start;
    const redrawn = document.querySelector(selector);
    return {
      elapsedMs,
      domUpdatedMs: redrawnAt - start,
      saveStatusAtRedraw,
      // "pending" means the debounced save (300 ms after the change) had not run yet,
      // so the measured time holds the render alone and no localStorage write.
      saveStatusAtPaint: document.querySelector('[data-testid="save-status"]').getAttribute('data-status'),
      key,
      scoreBefore,
      scoreAfter: Number(redrawn.getAttribute(scoreAttribute)),
      focusKept: document.activeElement === redrawn,
    };
  }, { axis, timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// (b) Navigation to the matrix from the overview: timed from setting the hash to the
/// frame after the matrix with all its bubbles is painted.
async function measureRouteRender(page) {
  // The same model draws the same bubbles again; their number changes between runs
  // (a keyboard change can take an item out of a stack), so it is read each time.
  const expectedBubbles = await page.evaluate(() => document.querySelectorAll('[data-testid="page-matrix"] [data-testid="bubble"]').length);
  await page.evaluate(() => { location.hash = '#/overview'; });
  await page.getByTestId('page-overview').waitFor({ timeout: SLOW_STEP_TIMEOUT_MS });
  await page.locator('[data-testid="page-matrix"]').waitFor({ state: 'detached', timeout: SLOW_STEP_TIMEOUT_MS });
  await waitForSaveToSettle(page);
  return page.evaluate(async ({ expectedBubbles, timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    const start = performance.now();
    location.hash = '#/matrix';
    const drawnAt = await helpers.waitForDomCondition(() => {
      const svg = document.querySelector('[data-testid="page-matrix"] [data-testid="matrix-svg"]');
      return svg !== null && svg.querySelectorAll('[data-testid="bubble"]').length === expectedBubbles;
    }, timeoutMs, `the matrix with ${expectedBubbles} bubbles`);
    document.body.offsetHeight;
    await helpers.nextPaint();
    return { elapsedMs: performance.now() - start, domUpdatedMs: drawnAt - start };
  }, { expectedBubbles, timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// (c) A drag of the topmost bubble over `frames` pointer moves, one per animation
/// frame, as the yardstick's dragBench moves its point. The work of one move is the
/// synchronous handling of the pointermove plus a forced style and layout of the
/// bubble (the yardstick forces the same with getBoundingClientRect). The pointerup
/// at the end applies the new scores; that render is timed like a change of data.
async function measureDrag(page, frames) {
  return page.evaluate(async ({ frames, timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    const layout = document.querySelector('[data-testid="page-matrix"] .matrix-layout');
    const bubbles = layout.querySelectorAll('[data-testid="bubble"]');
    // The last bubble is drawn on top, so a real pointer would grab it.
    const bubble = bubbles[bubbles.length - 1];
    const initiativeId = bubble.getAttribute('data-bubble');
    const selector = `[data-bubble="${CSS.escape(initiativeId)}"]`;
    const valueBefore = Number(bubble.getAttribute('data-value'));
    const effortBefore = Number(bubble.getAttribute('data-effort'));
    const circleBounds = bubble.querySelector('circle').getBoundingClientRect();
    const svgBounds = layout.querySelector('[data-testid="matrix-svg"]').getBoundingClientRect();
    const startX = circleBounds.left + circleBounds.width / 2;
    const startY = circleBounds.top + circleBounds.height / 2;
    // Towards the far side of the matrix on both axes, 40 % of its size, so both
    // scores change by several steps and the drop has something to apply.
    const endX = startX + (startX < svgBounds.left + svgBounds.width / 2 ? 0.4 : -0.4) * svgBounds.width;
    const endY = startY + (startY < svgBounds.top + svgBounds.height / 2 ? 0.4 : -0.4) * svgBounds.height;
    const pointerEvent = (type, clientX, clientY) => new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerId: 1,
      pointerType: 'mouse',
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerup' ? 0 : 1,
      clientX,
      clientY,
    });
    bubble.querySelector('circle').dispatchEvent(pointerEvent('pointerdown', startX, startY));
    if (!bubble.classList.contains('dragging')) throw new Error('the pointerdown did not start a drag');
    await helpers.nextPaint();
    const moveWorkMs = [];
    const frameIntervalMs = [];
    let lastFrame = performance.now();
    for (let frame = 1; frame <= frames; frame += 1) {
      const x = startX + ((endX - startX) * frame) / frames;
      const y = startY + ((endY - startY) * frame) / frames;
      const moveStart = performance.now();
      // Pointer capture sends the moves of a real drag to the matrix container.
      layout.dispatchEvent(pointerEvent('pointermove', x, y));
      bubble.getBoundingClientRect();
      moveWorkMs.push(performance.now() - moveStart);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frameIntervalMs.push(now - lastFrame);
      lastFrame = now;
    }
    // Without a transform the moves did nothing, and the timings would mean nothing.
    const transformWhileDragging = bubble.getAttribute('transform');
    if (!transformWhileDragging) throw new Error('the pointer moves did not move the dragged bubble');
    const highlightedQuadrant = layout.querySelector('.drop-target')?.getAttribute('data-quadrant') ?? null;
    const dropStart = performance.now();
    layout.dispatchEvent(pointerEvent('pointerup', endX, endY));
    const droppedAt = await helpers.waitForDomCondition(() => {
      const current = document.querySelector(selector);
      return current !== null && current !== bubble;
    }, timeoutMs, 'the matrix to be redrawn after the drop');
    document.body.offsetHeight;
    await helpers.nextPaint();
    const dropRenderMs = performance.now() - dropStart;
    const dropDomUpdatedMs = droppedAt - dropStart;
    const saveStatusAtDropPaint = document.querySelector('[data-testid="save-status"]').getAttribute('data-status');
    const dropped = document.querySelector(selector);
    const valueAfter = Number(dropped.getAttribute('data-value'));
    const effortAfter = Number(dropped.getAttribute('data-effort'));
    if (valueAfter === valueBefore && effortAfter === effortBefore) throw new Error('the drop did not change the scores');
    return {
      moveWorkMs,
      frameIntervalMs,
      dropRenderMs,
      dropDomUpdatedMs,
      saveStatusAtDropPaint,
      transformWhileDragging,
      highlightedQuadrant,
      scoresBefore: { value: valueBefore, effort: effortBefore },
      scoresAfter: { value: valueAfter, effort: effortAfter },
    };
  }, { frames, timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// Self time per trace event name on the renderer's main thread, in ms (the largest
/// twelve): where the main thread spent a traced interval (script, style, layout,
/// paint, garbage collection).
function mainThreadSelfTimes(traceBuffer) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const mainThreads = new Set(traceEvents
    .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
    .map((event) => `${event.pid}:${event.tid}`));
  const completeEventsByThread = new Map();
  for (const event of traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || typeof event.dur !== 'number' || !mainThreads.has(thread)) continue;
    if (!completeEventsByThread.has(thread)) completeEventsByThread.set(thread, []);
    completeEventsByThread.get(thread).push(event);
  }
  // The page's renderer is the main thread that was busiest while tracing; other
  // renderers of the browser may have idle main threads in the same trace.
  const busyTime = (events) => events.reduce((sum, event) => sum + event.dur, 0);
  const pageMainThreadEvents = [...completeEventsByThread.values()].sort((left, right) => busyTime(right) - busyTime(left))[0] ?? [];
  // Enclosing events come first (earlier start, or the same start and longer), so a
  // stack of open events finds each event's parent; an event's self time is its
  // duration less that of its direct children.
  pageMainThreadEvents.sort((left, right) => left.ts - right.ts || right.dur - left.dur);
  const openEvents = [];
  const entries = [];
  for (const event of pageMainThreadEvents) {
    while (openEvents.length && openEvents[openEvents.length - 1].end <= event.ts) openEvents.pop();
    if (openEvents.length) openEvents[openEvents.length - 1].childTime += event.dur;
    const entry = { name: event.name, end: event.ts + event.dur, duration: event.dur, childTime: 0 };
    openEvents.push(entry);
    entries.push(entry);
  }
  const selfMicroseconds = new Map();
  for (const entry of entries) selfMicroseconds.set(entry.name, (selfMicroseconds.get(entry.name) ?? 0) + Math.max(0, entry.duration - entry.childTime));
  return Object.fromEntries([...selfMicroseconds.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, 12)
    .map(([name, microseconds]) => [name, round(microseconds / 1000)]));
}

/// Self time per function of a V8 CPU profile, in ms, grouped so that it can be read
/// without symbols: the release wasm has no name section, so its functions are
/// counted together as "WebAssembly" (and the largest few by index); the time of DOM
/// calls made from wasm shows under wasm-bindgen's JavaScript import of that call
/// (`__wbg_setAttribute_...`, the hash suffix removed).
function cpuProfileSelfTimes(profile) {
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const describe = (callFrame) => {
    const isWasm = callFrame.url.startsWith('wasm://') || callFrame.url.endsWith('.wasm') || /^\$|wasm-function/.test(callFrame.functionName);
    if (isWasm) return { group: 'WebAssembly', name: `wasm ${callFrame.functionName || '(anonymous)'}` };
    const name = (callFrame.functionName || '(anonymous)').replace(/_[0-9a-f]{16}$/, '');
    if (name.startsWith('(')) return { group: name, name };
    return { group: 'JavaScript (bindings and DOM calls)', name };
  };
  const selfByGroup = new Map();
  const selfByName = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    // Each time delta is the time since the previous sample, so a sample stands for
    // the interval until the next one.
    const microseconds = profile.timeDeltas[index + 1] ?? 0;
    const { group, name } = describe(nodesById.get(profile.samples[index]).callFrame);
    selfByGroup.set(group, (selfByGroup.get(group) ?? 0) + microseconds);
    selfByName.set(name, (selfByName.get(name) ?? 0) + microseconds);
  }
  const largest = (map, count) => Object.fromEntries([...map.entries()]
    .filter(([name]) => name !== '(idle)')
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([name, microseconds]) => [name, round(microseconds / 1000)]));
  return { by_group_ms: largest(selfByGroup, 8), largest_functions_ms: largest(selfByName, 12) };
}

// Where the raw profiles and traces go, if anywhere.
const profileDirectory = process.env.BITALIGN_PROFILE_DIR ? path.resolve(process.env.BITALIGN_PROFILE_DIR) : null;

/// Writes one raw profile or trace when BITALIGN_PROFILE_DIR asks for them.
function keepRawProfile(fileName, contents) {
  if (!profileDirectory) return;
  fs.mkdirSync(profileDirectory, { recursive: true });
  fs.writeFileSync(path.join(profileDirectory, fileName), contents);
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];

/// Runs `action` under a Chromium trace and returns the main thread's self times.
async function withMainThreadTrace(page, action, rawFileName) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let result;
  let traceBuffer;
  try {
    result = await action();
  } finally {
    traceBuffer = await browser.stopTracing();
  }
  keepRawProfile(rawFileName, traceBuffer);
  return { result, main_thread_self_ms: mainThreadSelfTimes(traceBuffer) };
}

/// Runs `action` under the V8 sampling profiler (0.1 ms interval) and returns the self
/// times by group and function.
async function withCpuProfile(page, action, rawFileName) {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  let result;
  let profile;
  try {
    result = await action();
  } finally {
    ({ profile } = await session.send('Profiler.stop'));
    await session.detach();
  }
  keepRawProfile(rawFileName, JSON.stringify(profile));
  return { result, cpu_self_ms: cpuProfileSelfTimes(profile) };
}

/// Focuses the bubble of one initiative (outside any timing), so each keyboard change
/// starts from the same focused bubble even if a render lost the focus.
async function focusBubble(page, initiativeId) {
  await page.evaluate((initiativeId) => {
    const bubble = document.querySelector(`[data-testid="page-matrix"] [data-bubble="${CSS.escape(initiativeId)}"]`);
    if (document.activeElement !== bubble) bubble.focus();
  }, initiativeId);
  await page.waitForFunction((initiativeId) => document.activeElement?.getAttribute('data-bubble') === initiativeId, initiativeId);
}

/// The yardstick's page, open beside the app in the same browser.
async function openYardstickPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.setDefaultTimeout(SLOW_STEP_TIMEOUT_MS);
  await page.goto(referenceUrl, { waitUntil: 'load' });
  return page;
}

/// One yardstick matrix render with labels (`svgBench` with one repetition), in ms.
async function yardstickMatrixRender(yardstickPage, count) {
  const outcome = await yardstickPage.evaluate((count) => window.benches.svgBench('matrix', count, 1, true), count);
  return outcome.render_ms_median;
}

/// One yardstick drag of one of `count` points over `frames` frames.
async function yardstickDrag(yardstickPage, count, frames) {
  return yardstickPage.evaluate(([count, frames]) => window.benches.dragBench(count, frames), [count, frames]);
}

/// The yardstick's figures for one chart (`matrix` or `roadmap`) beside the app's, and
/// their ratios: of the medians, and of the fastest run of each side, a second view
/// that other work on a shared machine disturbs less than the median (a busy moment
/// only makes runs slower).
function compareWithYardstick(chart, app, yardstickRendersMs, yardstickDrags) {
  const renderMs = round(median(yardstickRendersMs));
  const yardstick = {
    [`${chart}_render_ms`]: renderMs,
    [`${chart}_render_runs_ms`]: yardstickRendersMs,
    drag_move_work_ms_p50: round(median(yardstickDrags.map((drag) => drag.work_ms_p50)), 2),
    drag_move_work_ms_p95: round(median(yardstickDrags.map((drag) => drag.work_ms_p95)), 2),
    drag_frame_interval_ms_p50: round(median(yardstickDrags.map((drag) => drag.frame_interval_ms_p50))),
    drag_frame_interval_ms_p95: round(median(yardstickDrags.map((drag) => drag.frame_interval_ms_p95))),
    drags: yardstickDrags,
  };
  const fastestRenderMs = Math.min(...yardstickRendersMs);
  return {
    app,
    yardstick,
    ratios: {
      keyboard_change_render: round(app.keyboard_change_render_ms / renderMs, 2),
      route_render: round(app.route_render_ms / renderMs, 2),
      drag_move_work_p50: round(app.drag_move_work_ms_p50 / yardstick.drag_move_work_ms_p50, 2),
      drag_move_work_p95: round(app.drag_move_work_ms_p95 / yardstick.drag_move_work_ms_p95, 2),
    },
    ratios_of_fastest_runs: {
      keyboard_change_render: round(Math.min(...app.keyboard_change_runs_ms) / fastestRenderMs, 2),
      route_render: round(Math.min(...app.route_render_runs_ms) / fastestRenderMs, 2),
    },
  };
}

/// The matrix at `count` initiatives: the app in a fresh context (its own
/// localStorage) and the yardstick in its own page. Each timed run of the app follows
/// a run of the yardstick, so that the load of a shared machine, which drifts over a
/// minute, weighs on both sides of a ratio alike. After the timed runs, a trace and
/// CPU profiles of one more change and one more drag show where the app's time goes.
async function measureMatrix(count) {
  const yardstickPage = await openYardstickPage();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.setDefaultTimeout(SLOW_STEP_TIMEOUT_MS);
  try {
    await page.goto(appUrl);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    await installPageHelpers(page);
    const model = await openGeneratedModel(page, count);
    const onScreen = await openMatrixScreen(page);
    if (onScreen.bubbles + onScreen.unscored !== count) {
      // A default filter of the screen, for example, would make the figures those of a
      // smaller matrix; they are still measured, and the raw figures say so.
      console.error(`warning: the matrix shows ${onScreen.bubbles} bubbles and ${onScreen.unscored} unscored of ${count} initiatives`);
    }
    await waitForSaveToSettle(page);
    const initiativeId = await page.evaluate(() => {
      const bubbles = document.querySelectorAll('[data-testid="page-matrix"] [data-testid="bubble"]');
      return bubbles[bubbles.length - 1].getAttribute('data-bubble');
    });

    const yardstickRendersMs = [];
    const keyboardRuns = [];
    for (let run = 0; run < MATRIX_REPETITIONS; run += 1) {
      yardstickRendersMs.push(await yardstickMatrixRender(yardstickPage, count));
      await waitForSaveToSettle(page);
      await focusBubble(page, initiativeId);
      keyboardRuns.push(await measureKeyboardChange(page, run % 2 === 0 ? 'value' : 'effort'));
    }

    const routeRuns = [];
    for (let run = 0; run < MATRIX_REPETITIONS; run += 1) {
      yardstickRendersMs.push(await yardstickMatrixRender(yardstickPage, count));
      routeRuns.push(await measureRouteRender(page));
    }
    const routeRendersMs = routeRuns.map((run) => run.elapsedMs);

    const yardstickDrags = [];
    const drags = [];
    for (let run = 0; run < DRAG_REPETITIONS; run += 1) {
      yardstickDrags.push(await yardstickDrag(yardstickPage, count, DRAG_FRAMES));
      await waitForSaveToSettle(page);
      drags.push(await measureDrag(page, DRAG_FRAMES));
    }

    // Diagnostics, after the timed runs because tracing and sampling slow the page.
    await waitForSaveToSettle(page);
    await focusBubble(page, initiativeId);
    const tracedChange = await withMainThreadTrace(page, () => measureKeyboardChange(page, 'value'), `matrix-${count}-change.trace.json`);
    await waitForSaveToSettle(page);
    await focusBubble(page, initiativeId);
    const profiledChange = await withCpuProfile(page, () => measureKeyboardChange(page, 'value'), `matrix-${count}-change.cpuprofile`);
    await waitForSaveToSettle(page);
    const profiledDrag = await withCpuProfile(page, () => measureDrag(page, DRAG_FRAMES), `matrix-${count}-drag.cpuprofile`);
    await waitForSaveToSettle(page);
    const saveStatusAtEnd = await page.getByTestId('save-status').getAttribute('data-status');

    // Percentiles per drag, then the median over the drags, for the app and the
    // yardstick alike (dragBench reports only its percentiles).
    const medianOverDrags = (valueOfDrag, digits) => round(median(drags.map(valueOfDrag)), digits);
    const app = {
      model_bytes: model.bytes,
      save_status_after_import: model.save_status_after_import,
      save_status_at_end: saveStatusAtEnd,
      bubbles: onScreen.bubbles,
      unscored_in_tray: onScreen.unscored,
      keyboard_change_render_ms: round(median(keyboardRuns.map((run) => run.elapsedMs))),
      keyboard_change_runs_ms: keyboardRuns.map((run) => round(run.elapsedMs)),
      keyboard_change_keys: keyboardRuns.map((run) => `${run.key} ${run.scoreBefore}->${run.scoreAfter}`),
      keyboard_change_focus_kept: keyboardRuns.every((run) => run.focusKept),
      keyboard_change_dom_updated_ms: round(median(keyboardRuns.map((run) => run.domUpdatedMs))),
      keyboard_change_dom_updated_runs_ms: keyboardRuns.map((run) => round(run.domUpdatedMs)),
      keyboard_change_save_status_at_redraw: keyboardRuns.map((run) => run.saveStatusAtRedraw),
      keyboard_change_save_status_at_paint: keyboardRuns.map((run) => run.saveStatusAtPaint),
      route_render_ms: round(median(routeRendersMs)),
      route_render_runs_ms: routeRendersMs.map((value) => round(value)),
      route_dom_updated_ms: round(median(routeRuns.map((run) => run.domUpdatedMs))),
      route_dom_updated_runs_ms: routeRuns.map((run) => round(run.domUpdatedMs)),
      drag_move_work_ms_p50: medianOverDrags((drag) => median(drag.moveWorkMs), 2),
      drag_move_work_ms_p95: medianOverDrags((drag) => percentile(drag.moveWorkMs, 0.95), 2),
      drag_move_work_ms_max: round(Math.max(...drags.flatMap((drag) => drag.moveWorkMs)), 2),
      drag_frame_interval_ms_p50: medianOverDrags((drag) => median(drag.frameIntervalMs)),
      drag_frame_interval_ms_p95: medianOverDrags((drag) => percentile(drag.frameIntervalMs, 0.95)),
      drop_render_ms: medianOverDrags((drag) => drag.dropRenderMs),
      drop_render_runs_ms: drags.map((drag) => round(drag.dropRenderMs)),
      drop_dom_updated_ms: medianOverDrags((drag) => drag.dropDomUpdatedMs),
      drop_dom_updated_runs_ms: drags.map((drag) => round(drag.dropDomUpdatedMs)),
      drop_save_status_at_paint: drags.map((drag) => drag.saveStatusAtDropPaint),
      drag_scores: drags.map((drag) => `value ${drag.scoresBefore.value}->${drag.scoresAfter.value}, effort ${drag.scoresBefore.effort}->${drag.scoresAfter.effort}, highlighted ${drag.highlightedQuadrant}`),
      profile: {
        traced_change_render_ms: round(tracedChange.result.elapsedMs),
        traced_change_main_thread_self_ms: tracedChange.main_thread_self_ms,
        profiled_change_render_ms: round(profiledChange.result.elapsedMs),
        profiled_change_cpu_self_ms: profiledChange.cpu_self_ms,
        profiled_drag_move_work_ms_p50: round(median(profiledDrag.result.moveWorkMs), 2),
        profiled_drag_cpu_self_ms: profiledDrag.cpu_self_ms,
      },
    };
    return compareWithYardstick('matrix', app, yardstickRendersMs, yardstickDrags);
  } finally {
    await context.close();
    await yardstickPage.close();
  }
}

/// The markdown section of the priority matrix: figures, ratios, the aim of the issue
/// and where the main thread spent one change of data.
function matrixSection(matrixResults) {
  const FRAME_BUDGET_MS = 1000 / 60;
  const lines = [
    '## Priority matrix',
    '',
    'The generated model at each size is opened through the file import, as above. Renders are timed in the page from',
    'the change (a synthetic keydown on a focused bubble, or setting `location.hash`) to the frame after the new matrix',
    'is painted (requestAnimationFrame, then a task), as the yardstick times the insertion of its SVG matrix with',
    'labels (`svgBench("matrix", n, 1, true)`, run before each of the app\'s renders). A drag moves the topmost bubble',
    `over ${DRAG_FRAMES} frames; the work of a move is the synchronous pointermove handling plus a forced layout, as in`,
    `\`dragBench(n, ${DRAG_FRAMES})\`. Medians of ${MATRIX_REPETITIONS} renders of each kind (the yardstick: of all ${2 * MATRIX_REPETITIONS}) and of ${DRAG_REPETITIONS} drags' percentiles.`,
    '"In the DOM after" is when a MutationObserver first saw the changed matrix: after the app\'s whole update (with the style and',
    'layout that focusing the moved bubble forces), before the frame is produced.',
    '',
    '| Measure | Initiatives | bitalign | Yardstick | Ratio |',
    '|---|---|---|---|---|',
  ];
  for (const [count, { app, yardstick, ratios }] of Object.entries(matrixResults)) {
    const initiatives = Number(count).toLocaleString('en-US');
    lines.push(
      `| Render after a change of data (arrow key on a bubble) | ${initiatives} | ${app.keyboard_change_render_ms} ms (in the DOM after ${app.keyboard_change_dom_updated_ms}) | matrix render ${yardstick.matrix_render_ms} ms | ${ratios.keyboard_change_render} |`,
      `| Render after navigation from the overview to the matrix | ${initiatives} | ${app.route_render_ms} ms (in the DOM after ${app.route_dom_updated_ms}) | matrix render ${yardstick.matrix_render_ms} ms | ${ratios.route_render} |`,
      `| Drag: main-thread work per pointer move, p50 / p95 | ${initiatives} | ${app.drag_move_work_ms_p50} / ${app.drag_move_work_ms_p95} ms | ${yardstick.drag_move_work_ms_p50} / ${yardstick.drag_move_work_ms_p95} ms | ${ratios.drag_move_work_p50} / ${ratios.drag_move_work_p95} |`,
      `| Drag: frame interval p50 / p95 | ${initiatives} | ${app.drag_frame_interval_ms_p50} / ${app.drag_frame_interval_ms_p95} ms | ${yardstick.drag_frame_interval_ms_p50} / ${yardstick.drag_frame_interval_ms_p95} ms | |`,
      `| Drop: render after the pointerup | ${initiatives} | ${app.drop_render_ms} ms (in the DOM after ${app.drop_dom_updated_ms}) | | |`,
    );
  }
  lines.push('', 'The fastest run of each side instead of the medians (less disturbed by other work on the machine):', '');
  for (const [count, { ratios_of_fastest_runs: fastest }] of Object.entries(matrixResults)) {
    lines.push(`- ${Number(count).toLocaleString('en-US')} initiatives: change ${fastest.keyboard_change_render}x, navigation ${fastest.route_render}x.`);
  }
  const small = matrixResults[1000];
  const large = matrixResults[5000];
  lines.push('', 'Aim of the issue:', '');
  if (small) {
    const worst = Math.max(small.ratios.keyboard_change_render, small.ratios.route_render);
    lines.push(`- At most 1.5x the plain page at 1,000: renders at ${small.ratios.keyboard_change_render}x (change) and ${small.ratios.route_render}x (navigation), drag work p95 at ${small.ratios.drag_move_work_p95}x: ${worst <= 1.5 && small.ratios.drag_move_work_p95 <= 1.5 ? 'met' : 'not met'}.`);
  }
  if (large) {
    const dragFits = large.app.drag_move_work_ms_p95 <= FRAME_BUDGET_MS;
    lines.push(`- Responsive at 5,000: a drag move takes ${large.app.drag_move_work_ms_p95} ms at p95 (${dragFits ? 'within' : 'over'} the ${round(FRAME_BUDGET_MS)} ms frame budget); a change of data blocks the screen for ${large.app.keyboard_change_render_ms} ms (the plain page needs ${large.yardstick.matrix_render_ms} ms to draw its matrix once).`);
  }
  for (const [count, { app }] of Object.entries(matrixResults)) {
    if (app.save_status_after_import === 'saved') continue;
    const windowsWithSave = app.keyboard_change_save_status_at_paint.filter((status) => status !== 'pending').length;
    lines.push(`- The ${Number(count).toLocaleString('en-US')}-initiative model (${round(app.model_bytes / 1e6)} MB as a file) was not stored: the save after the import ended "${app.save_status_after_import}" (localStorage quota), and so does the save after every change; the model stays open. In ${windowsWithSave} of ${app.keyboard_change_save_status_at_paint.length} change renders that save attempt (300 ms after the change) ran before the measured frame.`);
  }
  lines.push('', 'Where one change of data spends the main thread (one extra traced run; self times in ms, the largest first; the', 'CPU profile counts DOM calls under the JavaScript binding that made them, style and layout outside script as "(program)"):', '');
  for (const [count, { app }] of Object.entries(matrixResults)) {
    const list = (times) => Object.entries(times).slice(0, 6).map(([name, milliseconds]) => `${name} ${milliseconds}`).join(', ');
    lines.push(
      `- ${Number(count).toLocaleString('en-US')} initiatives, trace (change rendered in ${app.profile.traced_change_render_ms} ms): ${list(app.profile.traced_change_main_thread_self_ms)}.`,
      `- ${Number(count).toLocaleString('en-US')} initiatives, CPU profile (change rendered in ${app.profile.profiled_change_render_ms} ms): ${list(app.profile.profiled_change_cpu_self_ms.by_group_ms)}; largest functions: ${list(app.profile.profiled_change_cpu_self_ms.largest_functions_ms)}.`,
    );
  }
  lines.push('');
  return lines;
}

// ---------------------------------------------------------------------------------
// Roadmap at 1,000 and 5,000 initiatives (only in builds with the roadmap screen).
// ---------------------------------------------------------------------------------

const ROADMAP_SIZES = [1000, 5000];
// As many timed renders as for the matrix, for the same reason (noise near the aim).
const ROADMAP_REPETITIONS = MATRIX_REPETITIONS;
// How far one drag moves its bar: three quarters, towards the side of the horizon
// with more room, so the drop always changes the start and never hits a limit.
const ROADMAP_DRAG_QUARTERS = 3;
// A main-thread task longer than this delays a key press or click noticeably (the
// RAIL model's 100 ms for a response to input).
const RESPONSIVE_TASK_LIMIT_MS = 100;

/// Whether the build being measured has the roadmap screen. Without the cargo feature
/// roadmap-screen the address #/roadmap shows a placeholder page with the same test id
/// (page-roadmap) and only a "coming later" text, so the roadmap's own container
/// (.roadmap-screen, drawn with the page frame in one piece) tells the two apart.
async function buildHasRoadmapScreen() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.setDefaultTimeout(SLOW_STEP_TIMEOUT_MS);
  try {
    await page.goto(appUrl);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    await page.evaluate(() => { location.hash = '#/roadmap'; });
    await page.getByTestId('page-roadmap').waitFor();
    return (await page.locator('[data-testid="page-roadmap"] .roadmap-screen').count()) > 0;
  } finally {
    await context.close();
  }
}

/// Opens the roadmap screen and waits until its SVG is drawn and painted; returns how
/// many initiatives it shows as bars and how many wait in the tray of unscheduled ones.
/// The timeline is built in one piece, so once its SVG is in the page all bars are.
async function openRoadmapScreen(page) {
  return page.evaluate(async ({ timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    location.hash = '#/roadmap';
    await helpers.waitForDomCondition(
      () => document.querySelector('[data-testid="page-roadmap"] [data-testid="roadmap-svg"]') !== null,
      timeoutMs,
      'the roadmap SVG',
    );
    await helpers.nextPaint();
    const layout = document.querySelector('[data-testid="page-roadmap"] .roadmap-layout');
    return {
      bars: layout.querySelectorAll('[data-testid="roadmap-bar"]').length,
      unscheduled: layout.querySelectorAll('[data-testid="roadmap-tray-item"]').length,
      status: document.querySelector('[data-testid="roadmap-status"]')?.textContent ?? '',
    };
  }, { timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// The initiative whose bar the change and drag measurements move: the first bar of a
/// plain one-quarter initiative that starts just before the middle of the horizon, so
/// that a step to either side (and a drag of ROADMAP_DRAG_QUARTERS) stays inside it.
async function pickRoadmapBar(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="page-roadmap"] [data-testid="roadmap-svg"]');
    const firstOrdinal = Number(svg.getAttribute('data-first-ordinal'));
    const lastOrdinal = Number(svg.getAttribute('data-last-ordinal'));
    const middleOffset = Math.floor((lastOrdinal - firstOrdinal) / 2);
    const ordinalOf = (text) => {
      const [year, quarterOfYear] = text.split('-Q').map(Number);
      return year * 4 + quarterOfYear - 1;
    };
    const bars = [...svg.querySelectorAll('[data-testid="roadmap-bar"]')];
    const chosen = bars.find((bar) => ordinalOf(bar.getAttribute('data-start')) - firstOrdinal === middleOffset
      && bar.getAttribute('data-duration') === '1' && !bar.hasAttribute('data-flagged'))
      ?? bars[Math.floor(bars.length / 2)];
    return chosen.getAttribute('data-bar');
  });
}

/// Focuses the bar of one initiative (outside any timing), so each keyboard change
/// starts from the same focused bar even if a render lost the focus.
async function focusRoadmapBar(page, initiativeId) {
  await page.evaluate((initiativeId) => {
    const bar = document.querySelector(`[data-testid="page-roadmap"] [data-bar="${CSS.escape(initiativeId)}"]`);
    if (document.activeElement !== bar) bar.focus();
  }, initiativeId);
  await page.waitForFunction((initiativeId) => document.activeElement?.getAttribute('data-bar') === initiativeId, initiativeId);
}

/// (a) One change of data: the focused bar moves one quarter by ArrowRight or ArrowLeft,
/// the command rebuilds the whole timeline; timed from just before the event to the
/// frame after the new timeline is painted. The direction points to the middle of the
/// horizon, so that successive changes alternate and the start never reaches a limit
/// (a step at the limit would change nothing). The long tasks of that interval say how
/// long the page could not take input.
async function measureRoadmapKeyboardChange(page) {
  return page.evaluate(async ({ timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    const bar = document.activeElement;
    if (!bar || bar.getAttribute('data-testid') !== 'roadmap-bar') throw new Error('no roadmap bar has the focus before the keyboard change');
    const svg = bar.closest('[data-testid="roadmap-svg"]');
    const firstOrdinal = Number(svg.getAttribute('data-first-ordinal'));
    const lastOrdinal = Number(svg.getAttribute('data-last-ordinal'));
    const [year, quarterOfYear] = bar.getAttribute('data-start').split('-Q').map(Number);
    const startOrdinal = year * 4 + quarterOfYear - 1;
    const key = startOrdinal - firstOrdinal < (lastOrdinal - firstOrdinal + 1) / 2 ? 'ArrowRight' : 'ArrowLeft';
    const initiativeId = bar.getAttribute('data-bar');
    const startBefore = bar.getAttribute('data-start');
    const selector = `[data-testid="page-roadmap"] [data-bar="${CSS.escape(initiativeId)}"]`;
    const finishChange = helpers.watchRender();
    const start = performance.now();
    bar.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    // A rebuilt bar (a new element) with the other start proves that the model changed
    // and the timeline was drawn again, not merely that the event was handled.
    const redrawnAt = await helpers.waitForDomCondition(() => {
      const current = document.querySelector(selector);
      return current !== null && current !== bar && current.getAttribute('data-start') !== startBefore;
    }, timeoutMs, 'the bar to be redrawn with a new data-start');
    const saveStatusAtRedraw = document.querySelector('[data-testid="save-status"]').getAttribute('data-status');
    document.body.offsetHeight;
    const change = await finishChange(start);
    const redrawn = document.querySelector(selector);
    return {
      ...change,
      domUpdatedMs: redrawnAt - start,
      saveStatusAtRedraw,
      key,
      startBefore,
      startAfter: redrawn.getAttribute('data-start'),
      focusKept: document.activeElement === redrawn,
    };
  }, { timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// (b) Navigation to the roadmap from the overview: timed from setting the hash to the
/// frame after the timeline with all its bars is painted, which is also the first
/// paint of the screen (it is built in one piece). The long tasks of that interval say
/// how long the page could not take input while the screen opened.
async function measureRoadmapRouteRender(page) {
  // A large timeline draws only the bars near the visible part of the page, and how
  // many that are depends on the scroll position the screen opens at; the SVG is built
  // in one piece, so its first bar means all drawn bars are there.
  const expectedBars = 1;
  await page.evaluate(() => { location.hash = '#/overview'; });
  await page.getByTestId('page-overview').waitFor({ timeout: SLOW_STEP_TIMEOUT_MS });
  await page.locator('[data-testid="page-roadmap"]').waitFor({ state: 'detached', timeout: SLOW_STEP_TIMEOUT_MS });
  await waitForSaveToSettle(page);
  return page.evaluate(async ({ expectedBars, timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    const finishRender = helpers.watchRender();
    const start = performance.now();
    location.hash = '#/roadmap';
    const drawnAt = await helpers.waitForDomCondition(() => {
      const svg = document.querySelector('[data-testid="page-roadmap"] [data-testid="roadmap-svg"]');
      return svg !== null && svg.querySelectorAll('[data-testid="roadmap-bar"]').length >= expectedBars;
    }, timeoutMs, 'the roadmap with its bars');
    document.body.offsetHeight;
    const render = await finishRender(start);
    return { ...render, domUpdatedMs: drawnAt - start };
  }, { expectedBars, timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// (c) A drag of one bar by ROADMAP_DRAG_QUARTERS quarters over `frames` pointer moves,
/// one per animation frame, as measureDrag does for a bubble: the pointerdown goes to
/// the bar's body, the moves to the .roadmap-layout container (where pointer capture
/// sends a real drag's moves). The work of one move is its synchronous handling (the
/// app shifts the bar with a transform) plus a forced style and layout of the bar. The
/// pointerup applies the new start; that render is timed like a change of data.
async function measureRoadmapDrag(page, initiativeId, frames) {
  return page.evaluate(async ({ initiativeId, frames, dragQuarters, timeoutMs }) => {
    const helpers = window.bitalignBenchmarkHelpers;
    const layout = document.querySelector('[data-testid="page-roadmap"] .roadmap-layout');
    const selector = `[data-bar="${CSS.escape(initiativeId)}"]`;
    // A real pointer has to reach the bar, so it is scrolled into view first (outside
    // the timing; the layout it forces is not part of a move). A large timeline draws
    // only the bars near the visible part and redraws after a long scroll, so the bar
    // is looked up again once that has happened.
    layout.querySelector(selector).scrollIntoView({ block: 'center' });
    await helpers.nextPaint();
    await helpers.nextPaint();
    const bar = layout.querySelector(selector);
    const body = bar.querySelector('.bar-body');
    const svg = layout.querySelector('[data-testid="roadmap-svg"]');
    const firstOrdinal = Number(svg.getAttribute('data-first-ordinal'));
    const lastOrdinal = Number(svg.getAttribute('data-last-ordinal'));
    const startBefore = bar.getAttribute('data-start');
    const [year, quarterOfYear] = startBefore.split('-Q').map(Number);
    const startOrdinal = year * 4 + quarterOfYear - 1;
    const direction = startOrdinal - firstOrdinal < (lastOrdinal - firstOrdinal + 1) / 2 ? 1 : -1;
    // The quarter width in screen pixels: the SVG's view box is 1000 units wide.
    const svgBounds = svg.getBoundingClientRect();
    const quarterWidthPixels = Number(svg.getAttribute('data-quarter-width')) * svgBounds.width / Number(svg.viewBox.baseVal.width);
    const bodyBounds = body.getBoundingClientRect();
    const startX = bodyBounds.left + Math.min(20, bodyBounds.width / 2);
    const startY = bodyBounds.top + bodyBounds.height / 2;
    const endX = startX + direction * dragQuarters * quarterWidthPixels;
    const pointerEvent = (type, clientX, clientY) => new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerId: 1,
      pointerType: 'mouse',
      isPrimary: true,
      button: type === 'pointermove' ? -1 : 0,
      buttons: type === 'pointerup' ? 0 : 1,
      clientX,
      clientY,
    });
    body.dispatchEvent(pointerEvent('pointerdown', startX, startY));
    if (!bar.classList.contains('dragging')) throw new Error('the pointerdown did not start a drag of the roadmap bar');
    await helpers.nextPaint();
    const moveWorkMs = [];
    const frameIntervalMs = [];
    let lastFrame = performance.now();
    for (let frame = 1; frame <= frames; frame += 1) {
      const x = startX + ((endX - startX) * frame) / frames;
      const moveStart = performance.now();
      layout.dispatchEvent(pointerEvent('pointermove', x, startY));
      bar.getBoundingClientRect();
      moveWorkMs.push(performance.now() - moveStart);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      frameIntervalMs.push(now - lastFrame);
      lastFrame = now;
    }
    // Without a transform the moves did nothing, and the timings would mean nothing.
    const transformWhileDragging = bar.getAttribute('transform');
    if (!transformWhileDragging) throw new Error('the pointer moves did not move the dragged roadmap bar');
    const finishDrop = helpers.watchRender();
    const dropStart = performance.now();
    layout.dispatchEvent(pointerEvent('pointerup', endX, startY));
    const droppedAt = await helpers.waitForDomCondition(() => {
      const current = document.querySelector(selector);
      return current !== null && current !== bar;
    }, timeoutMs, 'the roadmap to be redrawn after the drop');
    document.body.offsetHeight;
    const drop = await finishDrop(dropStart);
    const dropped = document.querySelector(selector);
    const startAfter = dropped.getAttribute('data-start');
    if (startAfter === startBefore) throw new Error('the drop did not change the start of the roadmap bar');
    return {
      moveWorkMs,
      frameIntervalMs,
      drop,
      dropDomUpdatedMs: droppedAt - dropStart,
      transformWhileDragging,
      startBefore,
      startAfter,
    };
  }, { initiativeId, frames, dragQuarters: ROADMAP_DRAG_QUARTERS, timeoutMs: IN_PAGE_TIMEOUT_MS });
}

/// One yardstick roadmap render (`svgBench("roadmap")` with one repetition; its bars
/// always carry their names), in ms.
async function yardstickRoadmapRender(yardstickPage, count) {
  const outcome = await yardstickPage.evaluate((count) => window.benches.svgBench('roadmap', count, 1), count);
  return outcome.render_ms_median;
}

/// The roadmap at `count` initiatives, run by run beside the yardstick as the matrix is
/// (see measureMatrix), followed by a trace and a CPU profile of one more change.
async function measureRoadmap(count) {
  const yardstickPage = await openYardstickPage();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  page.setDefaultTimeout(SLOW_STEP_TIMEOUT_MS);
  try {
    await page.goto(appUrl);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    await installPageHelpers(page);
    const model = await openGeneratedModel(page, count, { withRoadmapSchedule: true });
    // The first opening after the import, timed from here (with Playwright's round
    // trips) only as a raw figure: the timed navigations follow below.
    const firstOpenStart = Date.now();
    const onScreen = await openRoadmapScreen(page);
    const firstOpenMs = Date.now() - firstOpenStart;
    if (onScreen.bars !== count) {
      // Every generated initiative lies inside the horizon; fewer bars would make the
      // figures those of a smaller roadmap. They are still measured, and said so.
      console.error(`warning: the roadmap shows ${onScreen.bars} bars and ${onScreen.unscheduled} unscheduled of ${count} initiatives (${onScreen.status})`);
    }
    await waitForSaveToSettle(page);
    const initiativeId = await pickRoadmapBar(page);

    const yardstickRendersMs = [];
    const keyboardRuns = [];
    for (let run = 0; run < ROADMAP_REPETITIONS; run += 1) {
      yardstickRendersMs.push(await yardstickRoadmapRender(yardstickPage, count));
      await waitForSaveToSettle(page);
      await focusRoadmapBar(page, initiativeId);
      keyboardRuns.push(await measureRoadmapKeyboardChange(page));
    }

    const routeRuns = [];
    for (let run = 0; run < ROADMAP_REPETITIONS; run += 1) {
      yardstickRendersMs.push(await yardstickRoadmapRender(yardstickPage, count));
      routeRuns.push(await measureRoadmapRouteRender(page));
    }

    const yardstickDrags = [];
    const drags = [];
    for (let run = 0; run < DRAG_REPETITIONS; run += 1) {
      yardstickDrags.push(await yardstickDrag(yardstickPage, count, DRAG_FRAMES));
      await waitForSaveToSettle(page);
      // A large timeline draws only the bars near the visible part, and the changes
      // above may have moved the first bar out of it: each drag takes a drawn one.
      drags.push(await measureRoadmapDrag(page, await pickRoadmapBar(page), DRAG_FRAMES));
    }

    // Diagnostics, after the timed runs because tracing and sampling slow the page.
    await waitForSaveToSettle(page);
    // The drags may have scrolled the first bar out of the drawn part: a drawn one.
    const diagnosedId = await pickRoadmapBar(page);
    await focusRoadmapBar(page, diagnosedId);
    const tracedChange = await withMainThreadTrace(page, () => measureRoadmapKeyboardChange(page), `roadmap-${count}-change.trace.json`);
    await waitForSaveToSettle(page);
    await focusRoadmapBar(page, diagnosedId);
    const profiledChange = await withCpuProfile(page, () => measureRoadmapKeyboardChange(page), `roadmap-${count}-change.cpuprofile`);
    await waitForSaveToSettle(page);
    const saveStatusAtEnd = await page.getByTestId('save-status').getAttribute('data-status');

    const medianOverDrags = (valueOfDrag, digits) => round(median(drags.map(valueOfDrag)), digits);
    const app = {
      model_bytes: model.bytes,
      save_status_after_import: model.save_status_after_import,
      save_status_at_end: saveStatusAtEnd,
      bars: onScreen.bars,
      unscheduled_in_tray: onScreen.unscheduled,
      status_line: onScreen.status,
      first_open_after_import_ms: firstOpenMs,
      // The render to the painted frame, and to the moment the main thread is free
      // again after it (see watchRender in installPageHelpers).
      keyboard_change_render_ms: round(median(keyboardRuns.map((run) => run.elapsedMs))),
      keyboard_change_runs_ms: keyboardRuns.map((run) => round(run.elapsedMs)),
      keyboard_change_main_thread_free_ms: round(median(keyboardRuns.map((run) => run.mainThreadFreeMs))),
      keyboard_change_main_thread_free_runs_ms: keyboardRuns.map((run) => round(run.mainThreadFreeMs)),
      keyboard_change_tasks_after_frame_runs_ms: keyboardRuns.map((run) => round(run.tasksAfterFrameMs)),
      keyboard_change_keys: keyboardRuns.map((run) => `${run.key} ${run.startBefore}->${run.startAfter}`),
      keyboard_change_focus_kept: keyboardRuns.every((run) => run.focusKept),
      keyboard_change_dom_updated_ms: round(median(keyboardRuns.map((run) => run.domUpdatedMs))),
      keyboard_change_dom_updated_runs_ms: keyboardRuns.map((run) => round(run.domUpdatedMs)),
      keyboard_change_frame_started_runs_ms: keyboardRuns.map((run) => round(run.frameStartedMs)),
      // The longest task of each run; the median is the typical wait for input.
      keyboard_change_longest_task_ms: round(median(keyboardRuns.map((run) => run.longestTaskMs))),
      keyboard_change_longest_task_runs_ms: keyboardRuns.map((run) => round(run.longestTaskMs)),
      // When the save of the change ended, in the runs where it ended inside the
      // measured interval (null in the others), and whether that was after the frame.
      keyboard_change_save_ended_runs_ms: keyboardRuns.map((run) => (run.saveEndedMs === null ? null : round(run.saveEndedMs))),
      keyboard_change_save_ran_after_frame: keyboardRuns.map((run) => run.saveRanAfterFrame),
      keyboard_change_save_status_at_redraw: keyboardRuns.map((run) => run.saveStatusAtRedraw),
      keyboard_change_save_status_after_paint: keyboardRuns.map((run) => run.saveStatusAfterPaint),
      route_render_ms: round(median(routeRuns.map((run) => run.elapsedMs))),
      route_render_runs_ms: routeRuns.map((run) => round(run.elapsedMs)),
      route_main_thread_free_ms: round(median(routeRuns.map((run) => run.mainThreadFreeMs))),
      route_main_thread_free_runs_ms: routeRuns.map((run) => round(run.mainThreadFreeMs)),
      route_tasks_after_frame_runs_ms: routeRuns.map((run) => round(run.tasksAfterFrameMs)),
      route_frame_started_runs_ms: routeRuns.map((run) => round(run.frameStartedMs)),
      route_dom_updated_ms: round(median(routeRuns.map((run) => run.domUpdatedMs))),
      route_dom_updated_runs_ms: routeRuns.map((run) => round(run.domUpdatedMs)),
      route_longest_task_ms: round(median(routeRuns.map((run) => run.longestTaskMs))),
      route_longest_task_runs_ms: routeRuns.map((run) => round(run.longestTaskMs)),
      drag_move_work_ms_p50: medianOverDrags((drag) => median(drag.moveWorkMs), 2),
      drag_move_work_ms_p95: medianOverDrags((drag) => percentile(drag.moveWorkMs, 0.95), 2),
      drag_move_work_ms_max: round(Math.max(...drags.flatMap((drag) => drag.moveWorkMs)), 2),
      drag_frame_interval_ms_p50: medianOverDrags((drag) => median(drag.frameIntervalMs)),
      drag_frame_interval_ms_p95: medianOverDrags((drag) => percentile(drag.frameIntervalMs, 0.95)),
      drop_render_ms: medianOverDrags((drag) => drag.drop.elapsedMs),
      drop_render_runs_ms: drags.map((drag) => round(drag.drop.elapsedMs)),
      drop_main_thread_free_ms: medianOverDrags((drag) => drag.drop.mainThreadFreeMs),
      drop_main_thread_free_runs_ms: drags.map((drag) => round(drag.drop.mainThreadFreeMs)),
      drop_dom_updated_ms: medianOverDrags((drag) => drag.dropDomUpdatedMs),
      drop_longest_task_ms: medianOverDrags((drag) => drag.drop.longestTaskMs),
      drop_longest_task_runs_ms: drags.map((drag) => round(drag.drop.longestTaskMs)),
      drop_save_ended_runs_ms: drags.map((drag) => (drag.drop.saveEndedMs === null ? null : round(drag.drop.saveEndedMs))),
      drop_save_ran_after_frame: drags.map((drag) => drag.drop.saveRanAfterFrame),
      drop_save_status_after_paint: drags.map((drag) => drag.drop.saveStatusAfterPaint),
      drag_starts: drags.map((drag) => `${drag.startBefore}->${drag.startAfter} (${drag.transformWhileDragging})`),
      profile: {
        traced_change_render_ms: round(tracedChange.result.elapsedMs),
        traced_change_main_thread_self_ms: tracedChange.main_thread_self_ms,
        profiled_change_render_ms: round(profiledChange.result.elapsedMs),
        profiled_change_cpu_self_ms: profiledChange.cpu_self_ms,
      },
    };
    return compareWithYardstick('roadmap', app, yardstickRendersMs, yardstickDrags);
  } finally {
    await context.close();
    await yardstickPage.close();
  }
}

// The roadmap section of benchmarks/results.md lies between these markers, so that a
// run with BITALIGN_ONLY=roadmap, or a full run of a build without the roadmap, can
// replace or keep it without touching the rest of the file.
const ROADMAP_SECTION_START = '<!-- roadmap section: written by scripts/benchmark.mjs -->';
const ROADMAP_SECTION_END = '<!-- end of the roadmap section -->';

/// The markdown section of the roadmap: when and on what it was measured (it may come
/// from another run than the rest of the file), figures, ratios, responsiveness at
/// 5,000, where the main thread spent one change, and its own raw figures.
function roadmapSection(roadmap) {
  const FRAME_BUDGET_MS = 1000 / 60;
  const { run, sizes } = roadmap;
  const lines = [
    ROADMAP_SECTION_START,
    '## Roadmap',
    '',
    `Measured on ${run.date} (Chromium ${run.chromium}, headless) in the build \`${run.dist}\`${run.only ? ', in a run of the roadmap alone (`BITALIGN_ONLY=roadmap`)' : ''}; load average at the start ${run.load_average_at_start.join(', ')}, at the end ${run.load_average_at_end.join(', ')}.`,
    '',
    'The generated model at each size, with every initiative scheduled inside the horizon (durations of 1 to 3 quarters',
    'spread over its quarters; the copies of the sample without dependencies), is opened through the file import. Renders',
    'are timed like the matrix\'s: from the change (a synthetic ArrowRight or ArrowLeft keydown on a focused bar, which',
    'moves it one quarter, or setting `location.hash` from the overview) to the frame after the new timeline is painted,',
    'against the yardstick\'s `svgBench("roadmap", n, 1)` run before each of the app\'s renders. A drag moves one bar',
    `${ROADMAP_DRAG_QUARTERS} quarters over ${DRAG_FRAMES} frames (pointerdown on its body, moves to the \`.roadmap-layout\` container);`,
    `the work of a move is the synchronous pointermove handling plus a forced layout, against \`dragBench(n, ${DRAG_FRAMES})\` (which`,
    `drags a point of an n-point matrix). Medians of ${ROADMAP_REPETITIONS} renders of each kind (the yardstick: of all ${2 * ROADMAP_REPETITIONS}) and of ${DRAG_REPETITIONS} drags' percentiles.`,
    '',
    '"The frame after paint" is found as the yardstick finds it (requestAnimationFrame, then a task), but behind a long',
    'render Chromium runs other waiting tasks after producing the frame and before that task: the app\'s overdue save',
    '(debounced by 300 ms) and the autofill agent\'s check of the toolbar\'s replaced form controls (FormControlDidChange,',
    'a second style recalculation and layout of the whole document). Those long tasks (over 50 ms) that start after the',
    'animation frame are taken off the render figures; "main thread free after" is the figure with them, when a key or',
    'click is answered again. "In the DOM after" is when a MutationObserver first saw the new timeline.',
    '',
    '| Measure | Initiatives | bitalign | Yardstick | Ratio |',
    '|---|---|---|---|---|',
  ];
  for (const [count, { app, yardstick, ratios }] of Object.entries(sizes)) {
    const initiatives = Number(count).toLocaleString('en-US');
    lines.push(
      `| Render after a change of data (arrow key on a bar) | ${initiatives} | ${app.keyboard_change_render_ms} ms (in the DOM after ${app.keyboard_change_dom_updated_ms}, main thread free after ${app.keyboard_change_main_thread_free_ms}) | roadmap render ${yardstick.roadmap_render_ms} ms | ${ratios.keyboard_change_render} |`,
      `| Render after navigation from the overview to the roadmap | ${initiatives} | ${app.route_render_ms} ms (in the DOM after ${app.route_dom_updated_ms}, main thread free after ${app.route_main_thread_free_ms}) | roadmap render ${yardstick.roadmap_render_ms} ms | ${ratios.route_render} |`,
      `| Drag: main-thread work per pointer move, p50 / p95 | ${initiatives} | ${app.drag_move_work_ms_p50} / ${app.drag_move_work_ms_p95} ms | ${yardstick.drag_move_work_ms_p50} / ${yardstick.drag_move_work_ms_p95} ms | ${ratios.drag_move_work_p50} / ${ratios.drag_move_work_p95} |`,
      `| Drag: frame interval p50 / p95 | ${initiatives} | ${app.drag_frame_interval_ms_p50} / ${app.drag_frame_interval_ms_p95} ms | ${yardstick.drag_frame_interval_ms_p50} / ${yardstick.drag_frame_interval_ms_p95} ms | |`,
      `| Drop: render after the pointerup | ${initiatives} | ${app.drop_render_ms} ms (in the DOM after ${app.drop_dom_updated_ms}, main thread free after ${app.drop_main_thread_free_ms}) | | |`,
      `| Longest task (median of the runs): change / navigation / drop | ${initiatives} | ${app.keyboard_change_longest_task_ms} / ${app.route_longest_task_ms} / ${app.drop_longest_task_ms} ms | | |`,
    );
  }
  lines.push('', 'The fastest run of each side instead of the medians (less disturbed by other work on the machine):', '');
  for (const [count, { ratios_of_fastest_runs: fastest }] of Object.entries(sizes)) {
    lines.push(`- ${Number(count).toLocaleString('en-US')} initiatives: change ${fastest.keyboard_change_render}x, navigation ${fastest.route_render}x.`);
  }
  const large = sizes[5000];
  if (large) {
    const { app, yardstick } = large;
    const dragFits = app.drag_move_work_ms_p95 <= FRAME_BUDGET_MS;
    // The typical (median) longest task of each kind decides; the worst run is named.
    const longestTaskMs = Math.max(app.keyboard_change_longest_task_ms, app.route_longest_task_ms, app.drop_longest_task_ms);
    const worstTaskMs = Math.max(...app.keyboard_change_longest_task_runs_ms, ...app.route_longest_task_runs_ms, ...app.drop_longest_task_runs_ms);
    lines.push(
      '',
      'Responsiveness at 5,000:',
      '',
      `- Opening the screen: the first paint comes ${app.route_render_ms} ms after the navigation (the plain page draws its roadmap in ${yardstick.roadmap_render_ms} ms), and the page answers input again after ${app.route_main_thread_free_ms} ms; the longest task meanwhile took ${app.route_longest_task_ms} ms (median of the runs).`,
      `- A change of data blocks the page in one task for ${app.keyboard_change_longest_task_ms} ms after an arrow key and ${app.drop_longest_task_ms} ms after a drop (medians; the worst task of all runs took ${worstTaskMs} ms); the new timeline is painted ${app.keyboard_change_render_ms} ms after the key, and the page answers input again after ${app.keyboard_change_main_thread_free_ms} ms.`,
      `- A drag move takes ${app.drag_move_work_ms_p95} ms at p95 (${dragFits ? 'within' : 'over'} the ${round(FRAME_BUDGET_MS)} ms frame budget): the drag itself stays smooth.`,
      `- Verdict: ${longestTaskMs <= RESPONSIVE_TASK_LIMIT_MS && dragFits ? 'responsive' : `not responsive by the ${RESPONSIVE_TASK_LIMIT_MS} ms limit for a response to input`} (longest task ${longestTaskMs} ms, median${dragFits ? '' : '; drag moves over the frame budget'}).`,
    );
  }
  lines.push('', 'The save of a change (debounced by 300 ms) and the measured renders:', '');
  for (const [count, { app }] of Object.entries(sizes)) {
    const initiatives = Number(count).toLocaleString('en-US');
    const runs = app.keyboard_change_save_ended_runs_ms.length;
    const afterFrame = app.keyboard_change_save_ran_after_frame.filter(Boolean).length;
    const beforeFrame = app.keyboard_change_save_ended_runs_ms.filter((value, index) => value !== null && !app.keyboard_change_save_ran_after_frame[index]).length;
    const savedInWindow = afterFrame + beforeFrame === 0
      ? `In none of the ${runs} change renders did the save run before the main thread was free again.`
      : `Of the ${runs} change renders, the save ran after the new frame in ${afterFrame} and before it (delaying the paint) in ${beforeFrame}.`;
    const storage = app.save_status_after_import === 'saved'
      ? `The ${initiatives}-initiative model (${round(app.model_bytes / 1e6)} MB as a file) is stored.`
      : `The ${initiatives}-initiative model (${round(app.model_bytes / 1e6)} MB as a file) was not stored: the save after the import ended "${app.save_status_after_import}" (localStorage quota), and so does the attempt after every change; the model stays open.`;
    lines.push(`- ${storage} ${savedInWindow}`);
  }
  lines.push('', 'Where one change of data spends the main thread (one extra traced run; self times in ms, the largest first; the', 'CPU profile counts DOM calls under the JavaScript binding that made them, style and layout outside script as "(program)"):', '');
  for (const [count, { app }] of Object.entries(sizes)) {
    const list = (times) => Object.entries(times).slice(0, 6).map(([name, milliseconds]) => `${name} ${milliseconds}`).join(', ');
    lines.push(
      `- ${Number(count).toLocaleString('en-US')} initiatives, trace (change rendered in ${app.profile.traced_change_render_ms} ms): ${list(app.profile.traced_change_main_thread_self_ms)}.`,
      `- ${Number(count).toLocaleString('en-US')} initiatives, CPU profile (change rendered in ${app.profile.profiled_change_render_ms} ms): ${list(app.profile.profiled_change_cpu_self_ms.by_group_ms)}; largest functions: ${list(app.profile.profiled_change_cpu_self_ms.largest_functions_ms)}.`,
    );
  }
  lines.push('', 'Raw figures of the roadmap:', '', '```json', JSON.stringify(roadmap, null, 2), '```', ROADMAP_SECTION_END, '');
  return lines;
}

/// The roadmap section of an earlier results.md (markers included), or null.
function existingRoadmapSection(resultsText) {
  const start = resultsText.indexOf(ROADMAP_SECTION_START);
  const end = resultsText.indexOf(ROADMAP_SECTION_END);
  if (start < 0 || end < start) return null;
  return resultsText.slice(start, end + ROADMAP_SECTION_END.length);
}

// Which part to run: everything, or with BITALIGN_ONLY=roadmap the roadmap alone.
const onlyPart = process.env.BITALIGN_ONLY || null;
if (onlyPart !== null && onlyPart !== 'roadmap') {
  console.error(`BITALIGN_ONLY=${onlyPart} is not known; the one part that runs alone is "roadmap"`);
  process.exit(2);
}
const resultsPath = path.join(repositoryRoot, 'benchmarks', 'results.md');
const displayedDistDirectory = distDirectory.startsWith(repositoryRoot) ? path.relative(repositoryRoot, distDirectory) : distDirectory;

/// Navigation to app-ready (with the sample and with 1,000 initiatives stored) against
/// the plain page's load, and the import of the 1,000-initiative file against JSON.parse.
async function measureLoadAndImport() {
  const figures = {};
  // The yardstick: navigation to the load event of the plain page.
  const referenceLoads = [];
  for (let run = 0; run < REPETITIONS; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(referenceUrl, { waitUntil: 'load' });
    referenceLoads.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.close();
  }
  figures.reference_load_ms = round(median(referenceLoads));

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
  figures.app_ready_sample_ms = round(median(sampleReady));
  figures.app_ready_sample_ratio = round(figures.app_ready_sample_ms / figures.reference_load_ms, 2);

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
  figures.model_1000 = { bytes: modelText.length };
  figures.import_1000_ms = round(median(importTimes));
  figures.json_parse_1000_ms = round(median(parseTimes), 2);
  figures.import_1000_ratio = round(figures.import_1000_ms / figures.json_parse_1000_ms, 2);
  await page.getByTestId('import-replace').click();
  await page.getByTestId('save-status').and(page.locator('[data-status="saved"]')).waitFor();
  const largeReady = [];
  for (let run = 0; run < REPETITIONS; run += 1) {
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0);
    largeReady.push(await page.evaluate(() => performance.getEntriesByName('app-ready')[0].startTime));
  }
  figures.app_ready_1000_ms = round(median(largeReady));
  figures.app_ready_1000_ratio = round(figures.app_ready_1000_ms / figures.reference_load_ms, 2);
  await context.close();
  return figures;
}

/// Puts `section` in place of the roadmap section of `resultsText`; without one, in
/// front of the raw figures of the rest (or at the end), so the file keeps its order.
function replaceRoadmapSection(resultsText, section) {
  const previous = existingRoadmapSection(resultsText);
  // A function as the replacement, so that a `$` in the figures is taken literally.
  if (previous !== null) return resultsText.replace(previous, () => section.trimEnd());
  if (resultsText.trim() === '') return ['# Benchmark results', '', section].join('\n');
  const rawFiguresHeading = resultsText.indexOf('\nMedians of 5 runs. Raw figures:');
  if (rawFiguresHeading < 0) return `${resultsText.trimEnd()}\n\n${section}`;
  return `${resultsText.slice(0, rawFiguresHeading + 1)}${section}\n${resultsText.slice(rawFiguresHeading + 1)}`;
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
  // The load average says how busy the machine was: other builds on the same 2 cores
  // slow both sides, but not always at the same moment.
  const results = { chromium: browser.version(), date: new Date().toISOString(), dist: distDirectory, only: onlyPart, load_average_at_start: os.loadavg().map((load) => round(load, 2)), bundle: bundleSizes() };
  results.roadmap_screen_in_build = await buildHasRoadmapScreen();
  if (onlyPart === 'roadmap' && !results.roadmap_screen_in_build) {
    throw new Error(`the build in ${distDirectory} has no roadmap screen: build it with the cargo feature roadmap-screen (scripts/serve.sh --features roadmap-screen --dist dist-roadmap) and pass BITALIGN_DIST`);
  }

  if (onlyPart === null) {
    Object.assign(results, await measureLoadAndImport());
    // The priority matrix: the yardstick and the app at each size, run by run in this
    // browser, so that their ratio compares like with like.
    results.matrix = {};
    for (const count of MATRIX_SIZES) {
      console.error(`matrix at ${count} initiatives ...`);
      results.matrix[count] = await measureMatrix(count);
    }
  }

  // The roadmap, the same way, in the same browser session as everything above. Its
  // own date and load average go with it, because its section of results.md may
  // outlive the rest of the file (or the other way round).
  if (results.roadmap_screen_in_build) {
    const roadmapRun = { date: new Date().toISOString(), chromium: results.chromium, dist: displayedDistDirectory, only: onlyPart === 'roadmap', load_average_at_start: os.loadavg().map((load) => round(load, 2)) };
    const sizes = {};
    for (const count of ROADMAP_SIZES) {
      console.error(`roadmap at ${count} initiatives ...`);
      sizes[count] = await measureRoadmap(count);
    }
    roadmapRun.load_average_at_end = os.loadavg().map((load) => round(load, 2));
    results.roadmap = { run: roadmapRun, sizes };
  } else {
    console.error(`the build in ${distDirectory} has no roadmap screen: the roadmap is not measured`);
  }

  results.load_average_at_end = os.loadavg().map((load) => round(load, 2));
  const previousResultsText = fs.existsSync(resultsPath) ? fs.readFileSync(resultsPath, 'utf8') : '';
  const newRoadmapSection = results.roadmap ? roadmapSection(results.roadmap).join('\n') : null;
  let resultsText;
  if (onlyPart === 'roadmap') {
    resultsText = replaceRoadmapSection(previousResultsText, newRoadmapSection);
  } else {
    // A build without the roadmap screen (the shipped one) keeps the roadmap figures
    // of the last run that had it; the section says when and on which build.
    const keptRoadmapSection = newRoadmapSection === null ? existingRoadmapSection(previousResultsText) : null;
    const lines = [
      '# Benchmark results',
      '',
      `Written by \`scripts/benchmark.sh\` on ${results.date} (Chromium ${results.chromium}, headless), measuring the build in \`${displayedDistDirectory}\`.`,
      'Ratios compare the app with the plain-JavaScript yardstick of `../shared/bench` in the same run.',
      `Load average (1, 5, 15 min) at the start ${results.load_average_at_start.join(', ')}, at the end ${results.load_average_at_end.join(', ')}.`,
      ...(keptRoadmapSection ? ['This build has no roadmap screen; the roadmap section is kept from the run it names.'] : []),
      '',
      '| Measure | bitalign | Yardstick | Ratio |',
      '|---|---|---|---|',
      `| Bundle (wasm+js+css, gzip -9) | ${results.bundle.total_gzip_kb} KB | gate 250 KB, aim 180 KB | |`,
      `| Navigation to app-ready, sample model | ${results.app_ready_sample_ms} ms | plain page load ${results.reference_load_ms} ms | ${results.app_ready_sample_ratio} |`,
      `| Navigation to app-ready, 1,000 initiatives stored | ${results.app_ready_1000_ms} ms | plain page load ${results.reference_load_ms} ms | ${results.app_ready_1000_ratio} |`,
      `| Import of the 1,000-initiative file (${Math.round(results.model_1000.bytes / 1024)} KB: read, check, preview) | ${results.import_1000_ms} ms | JSON.parse ${results.json_parse_1000_ms} ms | ${results.import_1000_ratio} |`,
      '',
      ...matrixSection(results.matrix),
      ...(newRoadmapSection ? [newRoadmapSection] : []),
      ...(keptRoadmapSection ? [keptRoadmapSection, ''] : []),
      // The roadmap carries its own raw figures in its section.
      'Medians of 5 runs. Raw figures:',
      '',
      '```json',
      JSON.stringify({ ...results, roadmap: undefined }, null, 2),
      '```',
      '',
    ];
    resultsText = lines.join('\n');
  }
  fs.mkdirSync(path.dirname(resultsPath), { recursive: true });
  fs.writeFileSync(resultsPath, resultsText);
  console.log(JSON.stringify(results, null, 2));
  // A short summary of the ratios on stderr, so stdout stays one JSON document.
  for (const [count, { app, yardstick, ratios }] of Object.entries(results.matrix ?? {})) {
    console.error(`matrix ${count}: change ${app.keyboard_change_render_ms} ms / ${yardstick.matrix_render_ms} ms = ${ratios.keyboard_change_render}x; `
      + `navigation ${app.route_render_ms} ms = ${ratios.route_render}x; `
      + `drag move p50 ${app.drag_move_work_ms_p50} / ${yardstick.drag_move_work_ms_p50} ms = ${ratios.drag_move_work_p50}x, `
      + `p95 ${app.drag_move_work_ms_p95} / ${yardstick.drag_move_work_ms_p95} ms = ${ratios.drag_move_work_p95}x`);
  }
  for (const [count, { app, yardstick, ratios }] of Object.entries(results.roadmap?.sizes ?? {})) {
    console.error(`roadmap ${count}: change ${app.keyboard_change_render_ms} ms / ${yardstick.roadmap_render_ms} ms = ${ratios.keyboard_change_render}x (main thread free after ${app.keyboard_change_main_thread_free_ms} ms); `
      + `navigation ${app.route_render_ms} ms = ${ratios.route_render}x (free after ${app.route_main_thread_free_ms} ms); `
      + `drag move p50 ${app.drag_move_work_ms_p50} / ${yardstick.drag_move_work_ms_p50} ms = ${ratios.drag_move_work_p50}x, `
      + `p95 ${app.drag_move_work_ms_p95} / ${yardstick.drag_move_work_ms_p95} ms = ${ratios.drag_move_work_p95}x; `
      + `longest task (median): change ${app.keyboard_change_longest_task_ms} ms, navigation ${app.route_longest_task_ms} ms, drop ${app.drop_longest_task_ms} ms`);
  }
} finally {
  await browser.close();
  referenceServer.close();
  appServer.kill();
}
