/**
 * Writes docs/url-parameters.md from the URL schema, formatted by Prettier (so `npm run
 * format` leaves it unchanged). Usage: npm run docs:url
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { urlParametersMarkdown } from '../src/state/url-docs';

export const URL_DOCS_PATH = fileURLToPath(new URL('../docs/url-parameters.md', import.meta.url));

/** The doc's full text, as committed. */
export async function renderUrlDocs(): Promise<string> {
  const options = (await prettier.resolveConfig(URL_DOCS_PATH)) ?? {};
  return prettier.format(urlParametersMarkdown(), { ...options, parser: 'markdown' });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(URL_DOCS_PATH, await renderUrlDocs());
  console.log(`wrote ${URL_DOCS_PATH}`);
}
