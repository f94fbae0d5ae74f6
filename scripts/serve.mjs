// Serves the production build (dist/) on 127.0.0.1 the way a static host should: compressed,
// with the security headers the README lists, and nothing else. Used by `npm start`, the browser
// tests and the benchmarks.
//
//   node scripts/serve.mjs [--dir dist] [--port 4173] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors *",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  // Sandboxed iframes have an opaque origin, so module scripts need CORS (STYLE pitfall 9).
  'Access-Control-Allow-Origin': '*',
};

/** Starts the server; resolves with `{ url, close }`. */
export async function startServer({ dir = 'dist', port = 4173, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const cache = new Map();

  async function load(path) {
    const hit = cache.get(path);
    if (hit) return hit;
    const body = await readFile(path);
    const entry = { body };
    if (COMPRESSIBLE.has(extname(path))) {
      entry.br = brotliCompressSync(body);
      entry.gzip = gzipSync(body, { level: 9 });
    }
    cache.set(path, entry);
    return entry;
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathname = decodeURIComponent(url.pathname);
      let file = normalize(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden');
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        // A sub-path without its trailing slash would load assets from the parent folder.
        if (!pathname.endsWith('/')) {
          res.writeHead(308, { Location: `${pathname}/${url.search}` });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(res, 404, 'Not found');
      const entry = await load(file);
      const ext = extname(file);
      const accept = String(req.headers['accept-encoding'] ?? '');
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': pathname.includes('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        Vary: 'Accept-Encoding',
      };
      let body = entry.body;
      if (entry.br && /\bbr\b/.test(accept)) {
        body = entry.br;
        headers['Content-Encoding'] = 'br';
      } else if (entry.gzip && /\bgzip\b/.test(accept)) {
        body = entry.gzip;
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(res, 500, 'Server error');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await startServer({
    dir: arg('dir', 'dist'),
    port: Number(arg('port', process.env.PORT ?? '4173')),
    host: arg('host', '127.0.0.1'),
  });
  console.log(`LLM TCO calculator: ${url}`);
  console.log('Press Ctrl+C to stop.');
}
