// A static file server on 127.0.0.1 for demo and test pages (nothing else is reachable here).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  server: Server;
  origin: string;
  /** Extra routes: path → HTML, for pages a test builds on the fly. */
  routes: Map<string, string>;
  close(): Promise<void>;
}

/**
 * Serves each of `roots` (mounted at its key, e.g. '/' or '/readability/'). `headers` adds response
 * headers per mount, e.g. a CSP that keeps saved real-world pages from running their own scripts.
 */
export async function serveStatic(
  roots: Record<string, string>,
  port = 0,
  headers: Record<string, Record<string, string>> = {},
): Promise<StaticServer> {
  const routes = new Map<string, string>();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes.get(path);
    if (route !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(route);
      return;
    }
    const mount = Object.keys(roots)
      .sort((a, b) => b.length - a.length)
      .find((m) => path.startsWith(m));
    if (!mount) return void res.writeHead(404).end('not found');
    const base = roots[mount]!;
    const file = normalize(join(base, path.slice(mount.length) || 'index.html'));
    if (!file.startsWith(normalize(base + sep)) && file !== normalize(base))
      return void res.writeHead(403).end();
    try {
      const body = await readFile(file.endsWith(sep) ? join(file, 'index.html') : file);
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          ...headers[mount],
        })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    origin: `http://127.0.0.1:${actualPort}`,
    routes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
