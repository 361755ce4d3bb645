// Trunk post-build hook: minifies the JavaScript glue of release builds and writes
// the Content-Security-Policy of DESIGN.md section 5 into the staged index.html.
//
// Trunk minifies the page and the stylesheet but not wasm-bindgen's glue module (about
// 50 KB with comments and long names): terser shrinks it by about a third of its gzip
// size, which counts against the bundle budget. The page preloads the glue with a
// Subresource Integrity hash, so the hash is rewritten for the minified file.
// Trunk's loader is an inline module script whose text (and so its hash) changes with
// the hashed file names of every build, so the CSP hash can only be computed here,
// after Trunk has written the page.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const stagingDirectory = process.env.TRUNK_STAGING_DIR;
if (!stagingDirectory) {
  console.error('trunk-post-build: TRUNK_STAGING_DIR is not set; run me as a Trunk hook.');
  process.exit(1);
}
const indexPath = join(stagingDirectory, 'index.html');
let page = readFileSync(indexPath, 'utf8');

/// Every JavaScript file under `directory`, as paths.
function javaScriptFiles(directory) {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return javaScriptFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/// The page with the integrity hash of the element that links `href` replaced.
function replaceIntegrity(pageText, href, integrity) {
  let replaced = false;
  const updated = pageText.replace(/<link\b[^>]*>/g, (element) => {
    const linksFile = element.includes(`href=${href} `) || element.includes(`href="${href}"`)
      || element.includes(`href=${href}>`);
    if (!linksFile || !/integrity=["']?sha384-[A-Za-z0-9+/=]+/.test(element)) return element;
    replaced = true;
    return element.replace(/sha384-[A-Za-z0-9+/=]+/, integrity);
  });
  if (!replaced) {
    console.error(`trunk-post-build: no link with an integrity hash for ${href}.`);
    process.exit(1);
  }
  return updated;
}

if (process.env.TRUNK_PROFILE === 'release') {
  for (const path of javaScriptFiles(stagingDirectory)) {
    const original = readFileSync(path, 'utf8');
    const minified = await minify(original, { module: true, compress: { passes: 2 }, mangle: true });
    if (!minified.code) {
      console.error(`trunk-post-build: terser returned nothing for ${path}.`);
      process.exit(1);
    }
    writeFileSync(path, minified.code);
    const integrity = `sha384-${createHash('sha384').update(minified.code, 'utf8').digest('base64')}`;
    const href = `./${relative(stagingDirectory, path)}`;
    page = replaceIntegrity(page, href, integrity);
    console.log(`trunk-post-build: minified ${href} from ${original.length} to ${minified.code.length} bytes.`);
  }
}

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
