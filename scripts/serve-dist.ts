/**
 * A tiny static server for the production build (dist/), used by `npm start`, the browser
 * tests and the screenshot script. It serves files only (GET/HEAD), never outside the root,
 * with the MIME types browsers insist on (text/javascript for module workers,
 * application/wasm for WebAssembly streaming compilation).
 *
 * Every response allows any origin to read it (`Access-Control-Allow-Origin: *`): a page in
 * an `<iframe sandbox="allow-scripts">` has an opaque origin, so even its own module scripts,
 * worker and presets are cross-origin requests. The files are public anyway.
 *
 *   tsx scripts/serve-dist.ts [--port 4173] [--host 127.0.0.1] [--root dist] [--prefix /course/lab/]
 */
import { createServer, type Server } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:4173/ */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** URL path the files appear under, e.g. `/course/notes/lab/` (default `/`); other paths 404. */
  prefix?: string;
  /**
   * Send `Access-Control-Allow-Origin: *` (default true). Off imitates a host without the
   * header, where a sandboxed frame's scripts are refused (a browser test checks the message).
   */
  cors?: boolean;
}

/** `/a/b` → `/a/b/`; '' → '/'. */
export function normalizePrefix(prefix = '/'): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps a request path to a file under root, or null when it would escape root. */
export function resolveUnderRoot(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded);
  const file = join(root, relative);
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? 'dist');
  const prefix = normalizePrefix(options.prefix);
  const cors: Record<string, string> =
    options.cors === false ? {} : { 'Access-Control-Allow-Origin': '*' };
  if (!(await readIfFile(join(root, 'index.html')))) {
    throw new Error(`${root}/index.html not found: run \`npm run build\` first.`);
  }
  // Long addresses (the URL fuzz sends ones of tens of KB) get a page, not Node's 431.
  const server: Server = createServer({ maxHeaderSize: 256 * 1024 }, async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = request.url ?? '/';
    const file = url.startsWith(prefix)
      ? resolveUnderRoot(root, `/${url.slice(prefix.length)}`)
      : null;
    const body = file ? await readIfFile(file) : null;
    if (!file || !body) {
      response
        .writeHead(404, {
          'Content-Type': 'text/plain; charset=utf-8',
          ...cors,
        })
        .end('Not found');
      return;
    }
    response.writeHead(200, {
      ...cors,
      'Content-Type': mimeType(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}${prefix}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(argument('port') ?? process.env.PORT ?? 4173);
  try {
    const server = await startStaticServer({
      root: argument('root') ?? 'dist',
      host: argument('host') ?? '127.0.0.1',
      port,
      prefix: argument('prefix'),
    });
    console.log(`Flow Lab is running at ${server.url}  (open it in your browser; Ctrl+C stops)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use. Choose another: PORT=4174 npm start`
        : `Could not start the server: ${message}`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
