// Fails when the gzip -9 size of the app's wasm, JavaScript and CSS exceeds the fixed
// gate of 250 KB (the goal is 180 KB), and prints what each file costs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const GATE_BYTES = 250 * 1024;
const GOAL_BYTES = 180 * 1024;
const distDirectory = process.argv[2] ?? 'dist';

let totalGzipBytes = 0;
const rows = [];
/// Every file under `directory` (wasm-bindgen puts JavaScript snippets in subfolders).
function filesUnder(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

for (const path of filesUnder(distDirectory)) {
  const fileName = relative(distDirectory, path);
  if (!/\.(wasm|js|css)$/.test(fileName)) continue;
  const content = readFileSync(path);
  // GNU gzip at its best level, the tool static hosts and people measure with.
  const gzipBytes = execFileSync('gzip', ['-9', '-c', path], { maxBuffer: 64 * 1024 * 1024 }).length;
  totalGzipBytes += gzipBytes;
  rows.push(`${fileName.padEnd(48)} ${String(content.length).padStart(9)} B raw ${String(gzipBytes).padStart(8)} B gzip`);
}
console.log(rows.join('\n'));
const totalKilobytes = (totalGzipBytes / 1024).toFixed(1);
console.log(`total gzip: ${totalKilobytes} KB (gate ${GATE_BYTES / 1024} KB, goal ${GOAL_BYTES / 1024} KB)`);
if (rows.length === 0) {
  console.error('no wasm, js or css files found: is dist/ built?');
  process.exit(1);
}
if (totalGzipBytes > GATE_BYTES) {
  console.error(`bundle too large: ${totalKilobytes} KB gzip exceeds the ${GATE_BYTES / 1024} KB gate`);
  process.exit(1);
}
