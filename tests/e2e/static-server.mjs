// A small static file server for dist/, used by scripts/serve.sh and by the
// end-to-end tests. The tests serve the app under a sub-path (/tools/bitalign/) to
// prove that it works from any sub-path of any static host.
//
// Usage: node static-server.mjs --root dist --port 4173 --prefix /tools/bitalign/
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const rootDirectory = resolve(option('root', 'dist'));
const port = Number(option('port', '8080'));
const host = option('host', '127.0.0.1');
let prefix = option('prefix', '/');
if (!prefix.endsWith('/')) prefix += '/';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
    return;
  }
  if (url.pathname === prefix.slice(0, -1)) {
    response.writeHead(301, { Location: prefix }).end();
    return;
  }
  if (!url.pathname.startsWith(prefix)) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  let relativePath = decodeURIComponent(url.pathname.slice(prefix.length));
  if (relativePath === '' || relativePath.endsWith('/')) relativePath += 'index.html';
  const filePath = normalize(join(rootDirectory, relativePath));
  if (filePath !== rootDirectory && !filePath.startsWith(rootDirectory + sep)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const fileStat = await stat(filePath);
    if (!fileStat.isFile()) throw new Error('not a file');
    const body = await readFile(filePath);
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(filePath)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
});

server.listen(port, host, () => {
  console.log(`serving ${rootDirectory} at http://${host}:${port}${prefix}`);
});
