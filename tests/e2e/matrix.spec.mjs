// The priority matrix: labels without collisions, dragging and keyboard moves through
// the command path (stored, undoable), quadrant badges, renamed quadrant labels.
import fs from 'node:fs';
import { test, expect, openApp, readStoredOpenModel, waitForSaved } from './fixtures.mjs';

/// A file of the German trades sample with its initiatives repeated to `count`, with
/// varied whole scores (as a long backlog has), no dependencies between the copies.
function generatedModelFile(count) {
  const file = JSON.parse(fs.readFileSync(new URL('../../public/samples/trades-service.de.bitalign.json', import.meta.url), 'utf8'));
  const originals = file.model.initiatives;
  const initiatives = [...originals];
  for (let copy = 1; initiatives.length < count; copy += 1) {
    for (const original of originals) {
      if (initiatives.length >= count) break;
      const serial = initiatives.length;
      initiatives.push({
        ...original,
        id: `${original.id}-${copy}`,
        title: `${original.title} (${copy})`,
        // Ids are unique in a model, cost lines' too.
        cost_lines: original.cost_lines.map((line) => ({ ...line, id: `${line.id}-${copy}` })),
        depends_on_ids: [],
        scores: {
          ...original.scores,
          // Every pair of whole scores about equally often, as in a long backlog.
          value: 1 + (serial % 10),
          effort: 1 + ((Math.floor(serial / 10) + copy) % 10),
        },
      });
    }
  }
  file.model.initiatives = initiatives;
  file.model.id = 'generated-thousand';
  file.export_id = 'generated-thousand-export';
  return file;
}

/// Opens the app, adds `file` through "Open file" as a new model (as a user would) and
/// goes to the matrix.
async function openMatrixOfNewModel(page, name, file) {
  await openApp(page, '#/overview');
  await page.getByTestId('open-file-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByTestId('import-add').click();
  await page.goto('./#/matrix');
}

/// The ranking rule of DESIGN.md section 3 for value ÷ effort: higher score first, then
/// higher value, then title (the app folds case; these titles differ in more than case).
function topByPriority(initiatives, count) {
  return initiatives
    .filter((initiative) => initiative.scores.value && initiative.scores.effort)
    .map((initiative) => ({ ...initiative, score: initiative.scores.value / initiative.scores.effort }))
    .sort((left, right) => right.score - left.score || right.scores.value - left.scores.value
      || left.title.toLowerCase().localeCompare(right.title.toLowerCase(), 'en') || (left.id < right.id ? -1 : 1))
    .slice(0, count);
}

/// Boxes of every visible label and bubble, in page pixels.
async function labelAndBubbleBoxes(page) {
  return page.evaluate(() => {
    const box = (element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height, text: element.textContent };
    };
    return {
      labels: [...document.querySelectorAll('[data-testid=bubble-label]')].map(box),
      bubbles: [...document.querySelectorAll('[data-testid=bubble] circle:first-child')].map((circle) => {
        const rect = circle.getBoundingClientRect();
        return { cx: rect.left + rect.width / 2, cy: rect.top + rect.height / 2, r: rect.width / 2 };
      }),
    };
  });
}

const intersects = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const touchesCircle = (rect, circle) => {
  const nearestX = Math.min(Math.max(circle.cx, rect.x), rect.x + rect.width);
  const nearestY = Math.min(Math.max(circle.cy, rect.y), rect.y + rect.height);
  return (circle.cx - nearestX) ** 2 + (circle.cy - nearestY) ** 2 < (circle.r - 0.5) ** 2;
};

for (const sample of ['open-sample-trades', 'open-sample-b2b']) {
  test(`every label of the ${sample.replace('open-sample-', '')} sample is visible and collides with nothing at 1280x720`, async ({ page, pageProblems }) => {
    await openApp(page, '#/settings');
    await page.getByTestId(sample).click();
    await expect(page.getByTestId('notice').filter({ hasText: 'Datei geöffnet' })).toBeVisible();
    await page.goto('./#/matrix');
    const bubbles = page.getByTestId('bubble');
    await expect(bubbles.first()).toBeVisible();
    const { labels, bubbles: circles } = await labelAndBubbleBoxes(page);
    expect(labels.length).toBe(circles.length);
    for (const [index, label] of labels.entries()) {
      for (const other of labels.slice(index + 1)) expect(intersects(label, other), `${label.text} / ${other.text}`).toBe(false);
      for (const circle of circles) expect(touchesCircle(label, circle), `${label.text} covers a bubble`).toBe(false);
    }
    expect(pageProblems).toEqual([]);
  });
}

test('drag a bubble into another quadrant: stored, badge and ranking follow, undo restores', async ({ page, pageProblems }) => {
  await openApp(page, '#/matrix');
  const bubble = page.locator('[data-testid=bubble].quadrant-time-sink, [data-testid=bubble].quadrant-platform-topic').first();
  await expect(bubble).toBeVisible();
  const initiativeId = await bubble.getAttribute('data-bubble');
  const before = (await readStoredOpenModel(page))?.initiatives.find((initiative) => initiative.id === initiativeId)?.scores;
  // Drag to value 9, effort 2 (top left: quick win), past the edge to prove clamping.
  const svg = page.getByTestId('matrix-svg');
  const svgBox = await svg.boundingBox();
  const scale = svgBox.width / 1000;
  const box = await bubble.locator('circle').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const targetX = svgBox.x + (60 + (2 - 0.5) / 10 * 920) * scale;
  const targetY = svgBox.y + (16 + 570 - (9 - 0.5) / 10 * 570) * scale;
  await page.mouse.move(targetX, targetY, { steps: 8 });
  await expect(page.locator('rect.quadrant-quick-win.drop-target')).toHaveCount(1);
  await page.mouse.up();
  await waitForSaved(page);
  const moved = page.locator(`[data-bubble="${initiativeId}"]`);
  await expect(moved).toHaveAttribute('data-value', '9');
  await expect(moved).toHaveAttribute('data-effort', '2');
  await expect(moved).toHaveClass(/quadrant-quick-win/);
  let stored = await readStoredOpenModel(page);
  let scores = stored.initiatives.find((initiative) => initiative.id === initiativeId).scores;
  expect([scores.value, scores.effort]).toEqual([9, 2]);

  // The ranking follows: its priority score is now value 9 ÷ effort 2 = 4,5.
  await page.getByTestId('view-ranking').click();
  const rankingRow = page.locator(`[data-testid=ranking-row][data-initiative="${initiativeId}"]`);
  await expect(rankingRow.getByTestId('ranking-score')).toHaveText('4,5');
  await expect(rankingRow).toContainText('Nutzen 9 ÷ Aufwand 2');

  // The badge in the list follows.
  const title = stored.initiatives.find((initiative) => initiative.id === initiativeId).title;
  await page.goto('./#/initiatives');
  await expect(page.getByTestId('initiative-row').filter({ hasText: title }).first()).toContainText('Quick Win');
  // And in the initiative's editor.
  await page.getByTestId('initiative-row').filter({ hasText: title }).first().getByRole('link').click();
  await expect(page.getByTestId('quadrant-badge')).toHaveText('Quick Win');
  await page.getByTestId('cancel-form').click();

  // Undo restores the scores (one step for the whole drag).
  await page.getByTestId('undo').click();
  await waitForSaved(page);
  stored = await readStoredOpenModel(page);
  scores = stored.initiatives.find((initiative) => initiative.id === initiativeId).scores;
  if (before) expect([scores.value, scores.effort]).toEqual([before.value, before.effort]);
  else expect([scores.value, scores.effort]).not.toEqual([9, 2]);

  // Dragging far outside the matrix clamps at 10 and 1 (measured afresh: focusing a
  // moved bubble may have scrolled the page).
  await page.goto('./#/matrix');
  await page.evaluate(() => window.scrollTo(0, 0));
  const svgNow = await page.getByTestId('matrix-svg').boundingBox();
  const again = page.locator(`[data-bubble="${initiativeId}"] circle`).first();
  const againBox = await again.boundingBox();
  await page.mouse.move(againBox.x + againBox.width / 2, againBox.y + againBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(svgNow.x - 200, svgNow.y - 200, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator(`[data-bubble="${initiativeId}"]`)).toHaveAttribute('data-value', '10');
  await expect(page.locator(`[data-bubble="${initiativeId}"]`)).toHaveAttribute('data-effort', '1');
  expect(pageProblems).toEqual([]);
});

test('keyboard: Tab reaches a bubble, arrows move it one step, Enter opens its editor', async ({ page, pageProblems }) => {
  await openApp(page, '#/matrix');
  const bubble = page.getByTestId('bubble').last();
  await bubble.focus();
  await expect(page.getByTestId('matrix-card')).toBeVisible();
  // The card names the quadrant like the badges in lists and forms.
  const quadrantClass = (await bubble.getAttribute('class')).match(/quadrant-([a-z-]+)/)[1];
  const quadrantNames = { 'quick-win': 'Quick Win', 'platform-topic': 'Plattformthema', 'fill-in': 'Lückenfüller', 'time-sink': 'Zeitfresser' };
  await expect(page.getByTestId('card-quadrant')).toHaveText(quadrantNames[quadrantClass]);
  const initiativeId = await bubble.getAttribute('data-bubble');
  const effortBefore = Number(await bubble.getAttribute('data-effort'));
  const key = effortBefore < 10 ? 'ArrowRight' : 'ArrowLeft';
  await page.keyboard.press(key);
  const moved = page.locator(`[data-bubble="${initiativeId}"]`);
  await expect(moved).toHaveAttribute('data-effort', String(effortBefore + (key === 'ArrowRight' ? 1 : -1)));
  await expect(moved).toBeFocused();
  await waitForSaved(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('initiative-form')).toBeVisible();
  expect(page.url()).toContain(`#/initiatives/${initiativeId}`);
  expect(pageProblems).toEqual([]);
});

test('renamed quadrant labels show on the matrix and persist across a reload', async ({ page }) => {
  await openApp(page, '#/settings');
  await page.getByTestId('label-quick-win-input').fill('Sofort machen');
  await page.getByTestId('apply-model-info').click();
  await waitForSaved(page);
  await page.goto('./#/matrix');
  await expect(page.getByTestId('quadrant-label-quick-win')).toHaveText('Sofort machen');
  await page.reload();
  await expect(page.getByTestId('quadrant-label-quick-win')).toHaveText('Sofort machen');
  await expect(page.getByTestId('quadrant-label-platform-topic')).toHaveText('Plattformthema');
});

test('in a generated 1,000-initiative model the 50 with the highest priority show their labels, colliding with nothing', async ({ page, pageProblems }) => {
  test.setTimeout(120_000);
  const file = generatedModelFile(1000);
  await openMatrixOfNewModel(page, 'tausend.bitalign.json', file);
  const scored = file.model.initiatives.filter((initiative) => initiative.scores.value && initiative.scores.effort);
  await expect(page.getByTestId('bubble')).toHaveCount(scored.length, { timeout: 30_000 });
  const { labels, bubbles } = await labelAndBubbleBoxes(page);
  for (const [index, label] of labels.entries()) {
    for (const other of labels.slice(index + 1)) expect(intersects(label, other), `${label.text} / ${other.text}`).toBe(false);
  }
  for (const label of labels) {
    expect(bubbles.some((circle) => touchesCircle(label, circle)), `${label.text} covers a bubble`).toBe(false);
  }
  const top = topByPriority(file.model.initiatives, 50);
  const labelled = await page.evaluate(() => [...document.querySelectorAll('[data-testid=bubble-label]')]
    .map((label) => label.getAttribute('data-label-for')));
  const missing = top.filter((initiative) => !labelled.includes(initiative.id)).map((initiative) => initiative.title);
  expect(missing).toEqual([]);
  expect(pageProblems).toEqual([]);
});

test('thirty initiatives at one point are a stack with a count; dragging its top takes that one out', async ({ page, pageProblems }) => {
  test.setTimeout(120_000);
  const file = generatedModelFile(30);
  // All thirty at value 7, effort 3; the ranking then goes by title.
  for (const initiative of file.model.initiatives) initiative.scores = { ...initiative.scores, value: 7, effort: 3 };
  await openMatrixOfNewModel(page, 'stapel.bitalign.json', file);
  const stack = page.locator('[data-testid=bubble][data-stacked]');
  await expect(stack).toHaveCount(1);
  await expect(page.getByTestId('bubble')).toHaveCount(1);
  await expect(stack.getByTestId('stack-count')).toHaveText('+29');
  await stack.focus();
  await expect(page.getByTestId('card-stack')).toContainText('+29 weitere an derselben Stelle');
  const topId = await stack.getAttribute('data-bubble');

  // The top of the stack is dragged out to value 9, effort 2; the rest stays stacked.
  await stack.scrollIntoViewIfNeeded();
  const svgBox = await page.getByTestId('matrix-svg').boundingBox();
  const scale = svgBox.width / 1000;
  const box = await stack.locator('circle').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(svgBox.x + (60 + 1.5 / 10 * 920) * scale, svgBox.y + (16 + 570 - 8.5 / 10 * 570) * scale, { steps: 6 });
  await page.mouse.up();
  await waitForSaved(page);
  await expect(page.locator(`[data-bubble="${topId}"]`)).toHaveAttribute('data-value', '9');
  await expect(page.locator('[data-testid=bubble][data-stacked]').getByTestId('stack-count')).toHaveText('+28');
  const stored = await readStoredOpenModel(page);
  const moved = stored.initiatives.find((initiative) => initiative.id === topId);
  expect([moved.scores.value, moved.scores.effort]).toEqual([9, 2]);
  expect(pageProblems).toEqual([]);
});
