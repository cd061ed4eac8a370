import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/e2e/fixtures/<hostname>/<path>: one folder per host name the browsers visit. */
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** A page served from memory at http://<host><pathname> (the query string is not part of the key). */
export interface Route {
  host: string;
  pathname: string;
  body: () => string;
}

// Smallest valid GIF: a missing image would only add noise to the console.
const EMPTY_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Stand-in for an asset the fixture pages refer to but do not have. */
function emptyAsset(pathname: string): { type: string; body: Buffer } | null {
  const ext = extname(pathname).toLowerCase();
  if (['.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.svg'].includes(ext)) return { type: 'image/gif', body: EMPTY_GIF };
  if (ext === '.css') return { type: 'text/css; charset=utf-8', body: Buffer.alloc(0) };
  if (ext === '.js') return { type: 'text/javascript; charset=utf-8', body: Buffer.alloc(0) };
  return null;
}

export interface ServerOptions {
  root?: string;
  routes?: readonly Route[];
  /** Extra hosts that only serve empty assets. */
  assetHosts?: readonly string[];
}

export interface FixtureServer {
  readonly port: number;
  /** Host names that have a fixture folder; the browsers resolve these to 127.0.0.1. */
  readonly hosts: readonly string[];
  close(): Promise<void>;
}

/** Host names with a fixture folder. */
export function fixtureHosts(root = FIXTURES_DIR): string[] {
  return readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory()).sort();
}

/**
 * The file a request maps to, or null. The Host header picks the folder (the
 * port is dropped: Chromium maps host:80 onto our port and sends no port,
 * Firefox sends the real one). `..` cannot leave the host's folder.
 */
export function fixturePath(root: string, hostHeader: string | undefined, url: string | undefined): string | null {
  const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(host) || host.startsWith('.')) return null;
  const hostDir = resolve(root, host);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://fixture').pathname);
  } catch {
    return null;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = resolve(hostDir, normalize(`.${sep}${pathname}`));
  return file.startsWith(hostDir + sep) ? file : null;
}

async function serve(
  root: string,
  routes: ReadonlyMap<string, Route>,
  routeHosts: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://fixture').pathname;
  } catch {
    // served as "/"
  }
  const route = routes.get(host + pathname);
  if (route) {
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(req.method === 'HEAD' ? undefined : route.body());
    return;
  }
  const file = fixturePath(root, req.headers.host, req.url);
  const body = file && (await readFile(file).catch(() => null));
  const asset = !body && routeHosts.has(host) ? emptyAsset(pathname) : null;
  if (asset) {
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' }).end(asset.body);
    return;
  }
  if (!file || !body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res
    .writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      // Each test run must see the fixtures as they are on disk.
      'cache-control': 'no-store',
    })
    .end(req.method === 'HEAD' ? undefined : body);
}

/** Starts the server on 127.0.0.1 and a free port chosen by the OS. */
export async function startFixtureServer(options: ServerOptions = {}): Promise<FixtureServer> {
  const root = options.root ?? FIXTURES_DIR;
  const routes = new Map((options.routes ?? []).map((r) => [r.host + r.pathname, r]));
  const routeHosts = new Set([...(options.routes ?? []).map((r) => r.host), ...(options.assetHosts ?? [])]);
  const server = createServer((req, res) => {
    serve(root, routes, routeHosts, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts: [...new Set([...fixtureHosts(root), ...routeHosts])].sort(),
    close: () =>
      new Promise<void>((done) => {
        // Browsers keep connections alive; drop them so close() returns promptly.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
