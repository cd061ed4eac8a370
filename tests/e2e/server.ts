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

async function serve(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const file = fixturePath(root, req.headers.host, req.url);
  const body = file && (await readFile(file).catch(() => null));
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
export async function startFixtureServer(root = FIXTURES_DIR): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    serve(root, req, res).catch(() => {
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
    hosts: fixtureHosts(root),
    close: () =>
      new Promise<void>((done) => {
        // Browsers keep connections alive; drop them so close() returns promptly.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
