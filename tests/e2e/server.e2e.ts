/** The static server behind `npm start` and these tests: MIME types and containment. */
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CONFIG, DIST_ROOT, appUrl } from './harness';

const assets = readdirSync(`${DIST_ROOT}/assets`);
const firstAsset = (suffix: string) => {
  const name = assets.find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`no ${suffix} file in dist/assets`);
  return `/assets/${name}`;
};

function rawStatus(path: string): Promise<number | undefined> {
  const { hostname, port } = new URL(appUrl('/'));
  return new Promise((done, fail) => {
    const sent = request({ hostname, port, path }, (response) => {
      response.resume();
      done(response.statusCode);
    });
    sent.on('error', fail);
    sent.end();
  });
}

describe(`static server ${CONFIG}`, () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/favicon.ico', 'image/x-icon'],
    [firstAsset('.js'), 'text/javascript; charset=utf-8'],
    [firstAsset('.css'), 'text/css; charset=utf-8'],
    [firstAsset('.wasm'), 'application/wasm'],
  ])('serves %s as %s', async (path, type) => {
    const response = await fetch(appUrl(path));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('never serves files outside dist/', async () => {
    // Raw request paths: fetch() would normalise the dot segments away before sending.
    const paths = ['/../package.json', '/%2e%2e/package.json', '/assets/../../README.md'];
    for (const path of paths) expect(await rawStatus(path), path).toBe(404);
    expect(await rawStatus('/assets/../index.html')).toBe(200);
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await fetch(appUrl('/missing.js'))).status).toBe(404);
    expect((await fetch(appUrl('/'), { method: 'POST' })).status).toBe(405);
  });
});
