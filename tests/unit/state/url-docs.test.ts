import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { URL_DOCS_PATH, renderUrlDocs } from '../../../scripts/gen-url-docs';
import { URL_KEYS } from '../../../src/state/url-schema';

describe('docs/url-parameters.md', () => {
  it('equals the text generated from the schema (run `npm run docs:url` after a schema change)', async () => {
    expect(readFileSync(URL_DOCS_PATH, 'utf8')).toBe(await renderUrlDocs());
  });

  it('documents every parameter', async () => {
    const text = await renderUrlDocs();
    for (const key of URL_KEYS) expect(text).toContain(`| \`${key}\``);
  });
});
