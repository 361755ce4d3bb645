// Trunk post-build hook: writes the Content-Security-Policy of DESIGN.md section 5
// into the staged index.html. Trunk's loader is an inline module script whose text
// (and so its hash) changes with the hashed file names of every build, so the hash
// can only be computed here, after Trunk has written the page.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stagingDirectory = process.env.TRUNK_STAGING_DIR;
if (!stagingDirectory) {
  console.error('trunk-post-build: TRUNK_STAGING_DIR is not set; run me as a Trunk hook.');
  process.exit(1);
}
const indexPath = join(stagingDirectory, 'index.html');
const page = readFileSync(indexPath, 'utf8');

const inlineScriptHashes = [];
for (const match of page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const digest = createHash('sha256').update(match[1], 'utf8').digest('base64');
  inlineScriptHashes.push(`'sha256-${digest}'`);
}
if (inlineScriptHashes.length === 0) {
  console.error('trunk-post-build: found no inline loader script; the CSP would block the app.');
  process.exit(1);
}

const policy = [
  "default-src 'self'",
  "connect-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes.join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

if (!page.includes('__BITALIGN_CSP__')) {
  console.error('trunk-post-build: index.html lacks the __BITALIGN_CSP__ placeholder.');
  process.exit(1);
}
// The HTML minifier of release builds drops the quotes around attribute values, so
// the placeholder is replaced together with whatever quotes surround it.
writeFileSync(indexPath, page.replace(/(["']?)__BITALIGN_CSP__\1/, `"${policy}"`));
console.log(`trunk-post-build: CSP written with ${inlineScriptHashes.length} script hash(es).`);
