// The roadmap: bars moved and resized by mouse and keyboard through the command path
// (stored, one undo step each), dependency violations that appear and disappear, the
// load chart against capacity, the automatic plan (proposed, accepted, undone), lanes,
// the Now / Next / Later board, the tray of unscheduled work, and the exports.
//
// The clock of the page is fixed to 7 December 2026 (quarter 2026-Q4, the German
// trades sample's planning start), so "today", "Now" and "Next" are known. Expected
// values are computed from the stored model by the rules of DESIGN.md section 3.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test, expect, openApp, openStoredTradesSample, readStoredOpenModel, waitForSaved } from './fixtures.mjs';

/// The view box of src/charts/roadmap.rs (RoadmapGeometry).
const VIEW_BOX_WIDTH = 1000;
const LANE_LABEL_WIDTH = 160;
const TODAY = new Date('2026-12-07T10:00:00+01:00');

const quarterOrdinal = (text) => {
  const [year, quarter] = text.split('-Q').map(Number);
  return year * 4 + quarter - 1;
};
const quarterOfOrdinal = (ordinal) => `${Math.floor(ordinal / 4)}-Q${(ordinal % 4) + 1}`;

/// Shifts the page's clock so that it is `TODAY` when the page loads. The time still
/// runs (timers and debounced saves behave as usual); only the date is known.
async function shiftClockToToday(page) {
  await page.addInitScript((today) => {
    const RealDate = Date;
    const offset = today - RealDate.now();
    class ShiftedDate extends RealDate {
      constructor(...parts) {
        if (parts.length === 0) super(RealDate.now() + offset);
        else super(...parts);
      }

      static now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = ShiftedDate;
  }, TODAY.getTime());
}

/// Opens the stored trades sample at the roadmap, with the clock at `TODAY`.
async function openRoadmap(page) {
  await shiftClockToToday(page);
  const model = await openStoredTradesSample(page);
  // The "file opened" notice sits over the lower right of the chart: closed first,
  // as a person would before dragging there.
  await page.getByTestId('notice').getByRole('button', { name: 'Schließen' }).click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.goto('./#/roadmap');
  await expect(page.getByTestId('roadmap-bar').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  return model;
}

function initiativeByTitle(model, titleStart) {
  const found = model.initiatives.find((initiative) => initiative.title.startsWith(titleStart));
  if (!found) throw new Error(`no initiative starting with ${titleStart}`);
  return found;
}

async function storedInitiative(page, id) {
  const model = await readStoredOpenModel(page);
  return model.initiatives.find((initiative) => initiative.id === id);
}

/// The pixel width of one quarter column on screen.
async function quarterPixels(page, horizon) {
  const svgBox = await page.getByTestId('roadmap-svg').boundingBox();
  return (svgBox.width / VIEW_BOX_WIDTH) * ((VIEW_BOX_WIDTH - LANE_LABEL_WIDTH) / horizon);
}

/// Drags with the mouse from the middle of `locator`'s box (or a point in it) by dx.
async function dragBy(page, locator, dx, { atRightEdge = false } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const startX = atRightEdge ? box.x + box.width - 3 : box.x + Math.min(30, box.width / 2);
  const startY = box.y + box.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + dx, startY, { steps: 8 });
  await page.mouse.up();
}

/// The planned person-days per quarter of DESIGN.md section 3, from a stored model.
function loadsOf(model) {
  const loads = new Map();
  for (const initiative of model.initiatives) {
    if (!initiative.start || initiative.status === 'stopped') continue;
    const quarters = Math.max(1, initiative.duration_quarters);
    const first = quarterOrdinal(initiative.start);
    for (let offset = 0; offset < quarters; offset += 1) {
      const key = quarterOfOrdinal(first + offset);
      loads.set(key, (loads.get(key) ?? 0) + (initiative.effort_person_days ?? 0) / quarters);
    }
  }
  return loads;
}

function overCapacityQuarters(model) {
  const first = quarterOrdinal(model.planning_start);
  const horizon = model.settings.roadmap_horizon_quarters;
  const loads = loadsOf(model);
  const over = [];
  for (let offset = 0; offset < horizon; offset += 1) {
    const quarter = quarterOfOrdinal(first + offset);
    if ((loads.get(quarter) ?? 0) > model.settings.capacity_person_days_per_quarter + 1e-6) over.push(quarter);
  }
  return over;
}

async function shownOverCapacityQuarters(page) {
  return page.locator('[data-testid=load-cell][data-kind=capacity][data-over=true]').evaluateAll(
    (cells) => cells.map((cell) => cell.getAttribute('data-quarter')),
  );
}

test('a bar is moved and resized with the mouse: stored start and duration follow, undo restores each step', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const training = initiativeByTitle(model, 'Schulung');
  expect([training.start, training.duration_quarters]).toEqual(['2027-Q2', 1]);
  const bar = page.locator(`[data-bar="${training.id}"]`);
  const step = await quarterPixels(page, model.settings.roadmap_horizon_quarters);

  await dragBy(page, bar.locator('.bar-body'), step * 1.1);
  await expect(bar).toHaveAttribute('data-start', '2027-Q3');
  await waitForSaved(page);
  expect((await storedInitiative(page, training.id)).start).toBe('2027-Q3');

  await dragBy(page, page.locator(`[data-bar="${training.id}"] [data-resize]`), step * 2.05, { atRightEdge: true });
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-duration', '3');
  await waitForSaved(page);
  let stored = await storedInitiative(page, training.id);
  expect([stored.start, stored.duration_quarters]).toEqual(['2027-Q3', 3]);

  // One undo step per drag: first the resize, then the move.
  await page.getByTestId('undo').click();
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-duration', '1');
  await waitForSaved(page);
  stored = await storedInitiative(page, training.id);
  expect([stored.start, stored.duration_quarters]).toEqual(['2027-Q3', 1]);
  await page.getByTestId('undo').click();
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-start', '2027-Q2');

  // A bar cannot move before the planning start: dragging far left stops at it.
  await dragBy(page, page.locator(`[data-bar="${training.id}"] .bar-body`), -step * 6);
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-start', model.planning_start);
  expect(pageProblems).toEqual([]);
});

test('keyboard: arrows move a focused bar by a quarter, Shift+arrows change its duration, Enter opens it', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const training = initiativeByTitle(model, 'Schulung');
  const bar = page.locator(`[data-bar="${training.id}"]`);
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-start', '2027-Q3');
  // The moved bar keeps the focus, so the next key acts on it again.
  await expect(page.locator(`[data-bar="${training.id}"]`)).toBeFocused();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-duration', '2');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  // Duration 0 is a milestone.
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-duration', '0');
  await expect(page.locator(`[data-bar="${training.id}"] path.milestone`)).toHaveCount(1);
  await waitForSaved(page);
  const stored = await storedInitiative(page, training.id);
  expect([stored.start, stored.duration_quarters]).toEqual(['2027-Q3', 0]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/initiatives/${training.id}$`));
  expect(pageProblems).toEqual([]);
});

test('a dependency violation appears when a predecessor moves later and disappears when it moves back', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const deviceManagement = initiativeByTitle(model, 'Geräteverwaltung');
  const tablets = initiativeByTitle(model, 'Tablets');
  expect(tablets.depends_on_ids).toContain(deviceManagement.id);
  const tabletsBar = () => page.locator(`[data-bar="${tablets.id}"]`);
  await expect(tabletsBar()).not.toHaveAttribute('data-flagged', 'true');
  await expect(page.locator(`[data-testid=dependency-problem][data-initiative="${tablets.id}"]`)).toHaveCount(0);

  // The device management now runs 2027-Q1, the quarter the tablets start in.
  await page.locator(`[data-bar="${deviceManagement.id}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabletsBar()).toHaveAttribute('data-flagged', 'true');
  await expect(tabletsBar().getByTestId('bar-flag')).toBeVisible();
  const problem = page.locator(`[data-testid=dependency-problem][data-initiative="${tablets.id}"]`);
  await expect(problem).toContainText('beginnt, bevor');
  await expect(problem).toContainText('frühestens Q2 2027');
  await expect(tabletsBar()).toHaveAttribute('aria-label', /beginnt, bevor/);
  await expect(page.locator(`[data-testid=roadmap-arrow][data-from="${deviceManagement.id}"][data-to="${tablets.id}"]`)).toHaveAttribute('data-violated', 'true');

  await page.keyboard.press('ArrowLeft');
  await expect(tabletsBar()).not.toHaveAttribute('data-flagged', 'true');
  await expect(problem).toHaveCount(0);
  await expect(page.locator(`[data-testid=roadmap-arrow][data-from="${deviceManagement.id}"][data-to="${tablets.id}"]`)).not.toHaveAttribute('data-violated', 'true');
  expect(pageProblems).toEqual([]);
});

test('a dependency that would close a cycle is refused with a message and changes nothing', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const deviceManagement = initiativeByTitle(model, 'Geräteverwaltung');
  const tablets = initiativeByTitle(model, 'Tablets');
  expect(tablets.depends_on_ids).toContain(deviceManagement.id);
  // The device management made to depend on the tablets, which depend on it.
  await page.goto(`./#/initiatives/${deviceManagement.id}`);
  await expect(page.getByTestId('initiative-form')).toBeVisible();
  await page.getByTestId('initiative-form').getByLabel(tablets.title, { exact: true }).check();
  await page.getByTestId('save-entity').click();
  await expect(page.getByText(/würde einen Kreis schließen/).first()).toBeVisible();
  await waitForSaved(page);
  expect((await storedInitiative(page, deviceManagement.id)).depends_on_ids).not.toContain(tablets.id);
  // The roadmap still draws the one arrow from the device management to the tablets.
  await page.goto('./#/roadmap');
  await expect(page.locator(`[data-testid=roadmap-arrow][data-from="${deviceManagement.id}"][data-to="${tablets.id}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-testid=roadmap-arrow][data-from="${tablets.id}"][data-to="${deviceManagement.id}"]`)).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});

test('the load chart highlights exactly the quarters over capacity, and a change that overloads a quarter shows at once', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  expect(await shownOverCapacityQuarters(page)).toEqual(overCapacityQuarters(model));
  // The cells show planned person-days against the capacity of the settings.
  const firstCell = page.locator(`[data-testid=load-cell][data-kind=capacity][data-quarter="${model.planning_start}"]`);
  await expect(firstCell).toContainText(`/ ${model.settings.capacity_person_days_per_quarter}`);

  // "Mobile Leistungserfassung" (35 person-days over two quarters) squeezed into one.
  const mobile = initiativeByTitle(model, 'Mobile Leistungserfassung');
  await page.locator(`[data-bar="${mobile.id}"]`).focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.locator(`[data-bar="${mobile.id}"]`)).toHaveAttribute('data-duration', '1');
  // And the interface to the trade software (20 person-days) one quarter earlier, into
  // the same quarter: 35 + 20 + the tablets' 3 person-days exceed the capacity of 40.
  const interfaceProject = initiativeByTitle(model, 'Schnittstelle');
  expect(interfaceProject.start).toBe('2027-Q2');
  await page.locator(`[data-bar="${interfaceProject.id}"]`).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(`[data-bar="${interfaceProject.id}"]`)).toHaveAttribute('data-start', '2027-Q1');
  await waitForSaved(page);
  const changed = await readStoredOpenModel(page);
  const expected = overCapacityQuarters(changed);
  expect(expected).toContain(mobile.start);
  await expect.poll(() => shownOverCapacityQuarters(page)).toEqual(expected);
  await expect(page.locator(`[data-testid=load-problem][data-quarter="${mobile.start}"]`).first()).toContainText('Personentage geplant, Kapazität 40');
  await expect(page.locator(`[data-testid=load-cell][data-kind=capacity][data-quarter="${mobile.start}"]`)).toHaveClass(/over/);
  expect(pageProblems).toEqual([]);
});

test('the automatic plan is proposed as a diff, accepted as one step that respects dependencies and capacity, and undone', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  await page.getByTestId('propose-plan').click();
  const proposal = page.getByTestId('plan-proposal');
  await expect(proposal).toBeVisible();
  await expect(page.getByTestId('plan-objective')).toContainText('→');
  const moves = await page.getByTestId('plan-move').evaluateAll((rows) => rows.map((row) => ({
    id: row.getAttribute('data-initiative'),
    start: row.getAttribute('data-proposed-start'),
  })));
  expect(moves.length).toBeGreaterThan(0);
  // Nothing changed before the proposal is accepted.
  const before = await readStoredOpenModel(page);
  for (const move of moves) {
    expect(before.initiatives.find((initiative) => initiative.id === move.id).start).toBe(model.initiatives.find((initiative) => initiative.id === move.id).start);
  }

  await page.getByTestId('accept-plan').click();
  await expect(proposal).toHaveCount(0);
  await expect(page.getByTestId('notice').filter({ hasText: 'Plan übernommen' })).toBeVisible();
  await waitForSaved(page);
  const after = await readStoredOpenModel(page);
  for (const move of moves) {
    expect(after.initiatives.find((initiative) => initiative.id === move.id).start).toBe(move.start);
    await expect(page.locator(`[data-bar="${move.id}"]`)).toHaveAttribute('data-start', move.start);
  }
  // What the plan placed respects every dependency and never starts before today.
  const byId = new Map(after.initiatives.map((initiative) => [initiative.id, initiative]));
  for (const move of moves) {
    const initiative = byId.get(move.id);
    expect(quarterOrdinal(initiative.start)).toBeGreaterThanOrEqual(quarterOrdinal('2026-Q4'));
    for (const dependencyId of initiative.depends_on_ids) {
      const dependency = byId.get(dependencyId);
      if (dependency.status === 'done' || dependency.status === 'stopped') continue;
      expect(quarterOrdinal(initiative.start)).toBeGreaterThanOrEqual(quarterOrdinal(dependency.start) + dependency.duration_quarters);
    }
  }
  // Pinned and active initiatives stayed where they were.
  for (const initiative of model.initiatives.filter((candidate) => candidate.pinned || candidate.status === 'active')) {
    expect(byId.get(initiative.id).start).toBe(initiative.start);
  }
  // Capacity: no quarter the plan filled is over, unless it already was.
  const overBefore = new Set(overCapacityQuarters(model));
  for (const quarter of overCapacityQuarters(after)) expect(overBefore.has(quarter)).toBe(true);

  // One undo step restores the whole previous schedule.
  await page.getByTestId('undo').click();
  await waitForSaved(page);
  const undone = await readStoredOpenModel(page);
  for (const initiative of model.initiatives) {
    expect(undone.initiatives.find((candidate) => candidate.id === initiative.id).start).toBe(initiative.start);
  }
  expect(pageProblems).toEqual([]);
});

test('a proposal can be discarded and nothing changes', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  await page.getByTestId('propose-plan').click();
  await expect(page.getByTestId('plan-proposal')).toBeVisible();
  await page.getByTestId('discard-plan').click();
  await expect(page.getByTestId('plan-proposal')).toHaveCount(0);
  const stored = await readStoredOpenModel(page);
  expect(stored.initiatives.map((initiative) => initiative.start)).toEqual(model.initiatives.map((initiative) => initiative.start));
  expect(pageProblems).toEqual([]);
});

test('lanes switch between goal, owner and status, and every bar sits in the lane of its initiative', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const people = new Map(model.people.map((person) => [person.id, person.name]));
  await page.getByTestId('roadmap-lanes').selectOption('owner');
  const ownerLanes = await page.getByTestId('lane-name').evaluateAll((names) => names.map((name) => name.querySelector('title').textContent));
  const drawnBars = await page.getByTestId('roadmap-bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-bar')));
  const expectedOwners = [...new Set(model.initiatives.filter((initiative) => drawnBars.includes(initiative.id)).map((initiative) => initiative.owner_id ? people.get(initiative.owner_id) : 'Ohne Verantwortliche'))];
  expect(new Set(ownerLanes)).toEqual(new Set(expectedOwners));
  // Each bar lies inside the band of the lane named after its owner.
  const geometry = await page.evaluate(() => {
    const lanes = [...document.querySelectorAll('[data-testid=lane-name]')].map((name) => ({ name: name.querySelector('title').textContent, y: Number(name.getAttribute('y')) }));
    const bars = [...document.querySelectorAll('[data-testid=roadmap-bar]')].map((bar) => ({ id: bar.getAttribute('data-bar'), y: bar.getBBox().y }));
    return { lanes, bars };
  });
  const sortedLanes = [...geometry.lanes].sort((left, right) => left.y - right.y);
  for (const bar of geometry.bars) {
    const initiative = model.initiatives.find((candidate) => candidate.id === bar.id);
    const lane = sortedLanes.filter((candidate) => candidate.y - 24 <= bar.y).pop();
    expect(lane.name).toBe(initiative.owner_id ? people.get(initiative.owner_id) : 'Ohne Verantwortliche');
  }
  await page.getByTestId('roadmap-lanes').selectOption('status');
  const statusLanes = await page.getByTestId('lane-name').evaluateAll((names) => names.map((name) => name.querySelector('title').textContent));
  const statusNames = { idea: 'Idee', planned: 'Geplant', active: 'Aktiv', done: 'Abgeschlossen', stopped: 'Gestoppt' };
  // Only initiatives inside the horizon have a bar, so only their statuses have lanes.
  const drawnIds = await page.getByTestId('roadmap-bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-bar')));
  const expectedStatuses = new Set(drawnIds.map((id) => statusNames[model.initiatives.find((initiative) => initiative.id === id).status]));
  expect(new Set(statusLanes)).toEqual(expectedStatuses);
  expect(statusLanes.length).toBe(expectedStatuses.size);
  expect(pageProblems).toEqual([]);
});

test('the board moves a card from Later to Now by mouse and from Now to Next by keyboard, and the timeline follows', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const assistant = initiativeByTitle(model, 'KI-Assistent');
  expect(assistant.start).toBe('2028-Q2');
  await page.getByTestId('roadmap-view-board').click();
  const card = page.locator(`[data-card="${assistant.id}"]`);
  await expect(card).toHaveAttribute('data-column', 'later');
  const nowColumn = page.locator('[data-drop-column=now]');
  // The card is the last of its column: scrolled into view, it is dragged sideways
  // into the Now column (the columns are as tall as the longest).
  await card.scrollIntoViewIfNeeded();
  const cardBox = await card.boundingBox();
  const columnBox = await nowColumn.boundingBox();
  await page.mouse.move(cardBox.x + 20, cardBox.y + cardBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(columnBox.x + columnBox.width / 2, cardBox.y + cardBox.height / 2, { steps: 10 });
  await expect(nowColumn).toHaveClass(/drop-target/);
  await page.mouse.up();
  await expect(page.locator(`[data-card="${assistant.id}"]`)).toHaveAttribute('data-column', 'now');
  await waitForSaved(page);
  expect((await storedInitiative(page, assistant.id)).start).toBe('2026-Q4');

  await page.locator(`[data-card="${assistant.id}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`[data-card="${assistant.id}"]`)).toHaveAttribute('data-column', 'next');
  await expect(page.locator(`[data-card="${assistant.id}"]`)).toBeFocused();
  await waitForSaved(page);
  expect((await storedInitiative(page, assistant.id)).start).toBe('2027-Q1');

  // An active initiative stays under Now, with a message.
  const active = model.initiatives.find((initiative) => initiative.status === 'active');
  await page.locator(`[data-card="${active.id}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('notice').filter({ hasText: 'Laufende Initiativen' })).toBeVisible();
  await expect(page.locator(`[data-card="${active.id}"]`)).toHaveAttribute('data-column', 'now');

  await page.getByTestId('roadmap-view-timeline').click();
  await expect(page.locator(`[data-bar="${assistant.id}"]`)).toHaveAttribute('data-start', '2027-Q1');
  expect(pageProblems).toEqual([]);
});

test('a card moved to Later leaves the timeline for the tray, and is dragged back onto a quarter', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  const training = initiativeByTitle(model, 'Schulung');
  await page.getByTestId('roadmap-view-board').click();
  await page.locator(`[data-card="${training.id}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`[data-card="${training.id}"]`)).toHaveAttribute('data-column', 'later');
  await waitForSaved(page);
  expect((await storedInitiative(page, training.id)).start ?? null).toBe(null);

  await page.getByTestId('roadmap-view-timeline').click();
  const trayItem = page.locator(`[data-testid=roadmap-tray-item][data-tray="${training.id}"]`);
  await expect(trayItem).toBeVisible();
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveCount(0);
  // The tray lies under the chart: scrolled so that both are in view, the item is
  // dragged up onto the chart's lower part, over the third quarter of the horizon.
  await trayItem.evaluate((item) => window.scrollBy(0, item.getBoundingClientRect().top - 600));
  const svgBox = await page.getByTestId('roadmap-svg').boundingBox();
  const step = await quarterPixels(page, model.settings.roadmap_horizon_quarters);
  const targetX = svgBox.x + (LANE_LABEL_WIDTH * svgBox.width) / VIEW_BOX_WIDTH + step * 2.5;
  const itemBox = await trayItem.boundingBox();
  await page.mouse.move(itemBox.x + 10, itemBox.y + itemBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(targetX, Math.max(svgBox.y + 10, svgBox.y + svgBox.height - 20), { steps: 12 });
  await page.mouse.up();
  const expectedStart = quarterOfOrdinal(quarterOrdinal(model.planning_start) + 2);
  await expect(page.locator(`[data-bar="${training.id}"]`)).toHaveAttribute('data-start', expectedStart);
  await waitForSaved(page);
  expect((await storedInitiative(page, training.id)).start).toBe(expectedStart);
  expect(pageProblems).toEqual([]);
});

test('the schedule CSV opens in German Excel: BOM, semicolons, one row per initiative with start and end', async ({ page, pageProblems }) => {
  const model = await openRoadmap(page);
  await page.getByTestId('roadmap-export-toggle').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roadmap-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/-roadmap\.csv$/);
  const text = (await readFile(await download.path())).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n').filter((line) => line.length > 0);
  expect(lines[0]).toBe('Titel;Status;Verantwortlich;Start;Ende;Dauer (Quartale);Personentage;Rang;Prioritätswert;Kategorie;Fixiert;Abhängig von');
  expect(lines.length).toBe(model.initiatives.length + 1);
  const mobile = initiativeByTitle(model, 'Mobile Leistungserfassung');
  const row = lines.find((line) => line.startsWith(mobile.title)).split(';');
  expect(row.slice(3, 7)).toEqual(['2027-Q1', '2027-Q2', '2', '35']);
  // Numbers use the German decimal comma.
  expect(row[8]).toMatch(/^\d+,\d\d$/);
  expect(pageProblems).toEqual([]);
});

test('the SVG export is well-formed with the titles, and the PNG export is an image of the timeline', async ({ page, pageProblems }) => {
  await openRoadmap(page);
  await page.getByTestId('roadmap-export-toggle').click();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roadmap-export-svg').click()]);
  const svgText = (await readFile(await svgDownload.path())).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: document.querySelector('parsererror') !== null, bars: document.querySelectorAll('[data-testid=roadmap-bar]').length, texts: [...document.querySelectorAll('.bar-title')].map((node) => node.textContent) };
  }, svgText);
  expect(parsed.error).toBe(false);
  expect(parsed.bars).toBe(await page.getByTestId('roadmap-bar').count());
  expect(parsed.texts.length).toBeGreaterThan(5);

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roadmap-export-png').click()]);
  const bytes = await readFile(await pngDownload.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.readUInt32BE(16)).toBe(2000);
  expect(bytes.length).toBeGreaterThan(20_000);
  expect(pageProblems).toEqual([]);
});

test('printing the roadmap gives one landscape page, A4 or A3 as chosen', async ({ page, pageProblems }) => {
  await page.addInitScript(() => {
    window.print = () => {};
  });
  await openRoadmap(page);
  await page.getByTestId('roadmap-export-toggle').click();
  for (const [paper, size] of [['a4', [842, 595]], ['a3', [1191, 842]]]) {
    await page.getByTestId('roadmap-paper').selectOption(paper);
    await page.getByTestId('roadmap-print').click();
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pageObjects = pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pageObjects.length).toBe(1);
    const box = pdf.match(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/);
    expect([Math.round(Number(box[3]) - Number(box[1])), Math.round(Number(box[4]) - Number(box[2]))]).toEqual(size);
    await page.emulateMedia({ media: 'screen' });
  }
  expect(pageProblems).toEqual([]);
});

test('an empty model shows what to do instead of an empty chart', async ({ page, pageProblems }) => {
  await openApp(page, '#/settings');
  await page.getByTestId('new-empty-model').click();
  await waitForSaved(page);
  await page.goto('./#/roadmap');
  await expect(page.getByTestId('roadmap-empty')).toContainText('Noch keine Initiativen');
  expect(pageProblems).toEqual([]);
});

/// The German trades sample with its initiatives repeated to `count`, each scheduled
/// somewhere in the horizon, without dependencies between the copies.
function generatedScheduledModelFile(count) {
  const file = JSON.parse(fs.readFileSync(new URL('../../public/samples/trades-service.de.bitalign.json', import.meta.url), 'utf8'));
  const originals = file.model.initiatives;
  const initiatives = [];
  const first = quarterOrdinal(file.model.planning_start);
  for (let serial = 0; initiatives.length < count; serial += 1) {
    const original = originals[serial % originals.length];
    const schedule = {
      pinned: false,
      start: quarterOfOrdinal(first + (serial % file.model.settings.roadmap_horizon_quarters)),
      duration_quarters: 1,
    };
    // The originals keep their ids (reviews and spend items refer to them).
    if (serial < originals.length) {
      initiatives.push({ ...original, ...schedule });
      continue;
    }
    initiatives.push({
      ...original,
      ...schedule,
      id: `${original.id}-${serial}`,
      title: `${original.title} (${serial})`,
      cost_lines: original.cost_lines.map((line) => ({ ...line, id: `${line.id}-${serial}` })),
      depends_on_ids: [],
    });
  }
  file.model.initiatives = initiatives;
  file.model.id = 'generated-roadmap';
  file.export_id = 'generated-roadmap-export';
  return file;
}

test('a roadmap of 1,000 initiatives draws the bars near the visible part and the rest as the page scrolls; the export has all', async ({ page, pageProblems }) => {
  test.setTimeout(120_000);
  const file = generatedScheduledModelFile(1000);
  await openApp(page, '#/overview');
  await page.getByTestId('open-file-input').setInputFiles({ name: 'roadmap-1000.bitalign.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-add').click();
  await page.goto('./#/roadmap');
  await expect(page.getByTestId('roadmap-status')).toContainText('1000 im Horizont');
  const drawnIds = () => page.getByTestId('roadmap-bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-bar')));
  const atTop = await drawnIds();
  expect(atTop.length).toBeGreaterThan(10);
  expect(atTop.length).toBeLessThan(1000);

  // Scrolled to the end, the bars there are drawn (and those at the top no longer).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => (await drawnIds()).filter((id) => !atTop.includes(id)).length).toBeGreaterThan(10);
  expect((await drawnIds()).length).toBeLessThan(1000);

  // A focused bar keeps the focus when a scroll redraws the chart around it.
  const focusedId = await page.evaluate(() => {
    const bars = [...document.querySelectorAll('[data-testid=roadmap-bar]')];
    const middle = bars.find((bar) => Math.abs(bar.getBoundingClientRect().top - window.innerHeight / 2) < 200) ?? bars[0];
    middle.focus({ preventScroll: true });
    return middle.getAttribute('data-bar');
  });
  const before = await drawnIds();
  await page.evaluate(() => window.scrollBy(0, -700));
  await expect.poll(async () => (await drawnIds()).join() !== before.join()).toBe(true);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-bar'))).toBe(focusedId);

  await page.getByTestId('roadmap-export-toggle').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roadmap-export-svg').click()]);
  const svgText = (await readFile(await download.path())).toString('utf8');
  expect(svgText.match(/data-testid="roadmap-bar"/g).length).toBe(1000);
  expect(pageProblems).toEqual([]);
});
