/**
 * The browser tests' Chromium switches (scripts/chromium.ts). Chromium reads only the last
 * `--disable-features` / `--enable-features` switch and Playwright passes its own first, so
 * ours must repeat every feature Playwright sets, or an upgrade of Playwright would silently
 * lose one (PaintHolding, the HTTPS upgrades …). The lists are read from the installed
 * Playwright's source, not copied here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumFlags } from '../../../scripts/chromium';

const require = createRequire(import.meta.url);
const bundle = readFileSync(join(dirname(require.resolve('playwright-core/package.json')), 'lib/coreBundle.js'), 'utf8');

/** The quoted names in Playwright's `<name> = [ … ]` (or `() => [ … ]`) list, comments and env-dependent entries aside. */
function playwrightList(name: string): string[] {
  const start = bundle.search(new RegExp(`\\b${name} = (\\(\\) => )?\\[`));
  expect(start, `${name} in playwright-core`).toBeGreaterThan(0);
  const body = bundle.slice(start, bundle.indexOf('].filter(Boolean)', start));
  return [...body.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((m) => m[1]);
}

function featureSwitch(flags: string[], name: string): string[] {
  const found = flags.filter((flag) => flag.startsWith(`--${name}=`));
  expect(found, `one --${name}`).toHaveLength(1);
  return found[0].slice(name.length + 3).split(',');
}

describe('Chromium switches of the browser tests', () => {
  const playwrightDisabled = playwrightList('disabledFeatures');
  const playwrightEnabled = playwrightList('enabledFeatures');

  it('reads lists from Playwright (the check below is not vacuous)', () => {
    expect(playwrightDisabled).toContain('PaintHolding');
    expect(playwrightEnabled).toContain('SkipListAccountsWithoutGaiaCookies');
  });

  for (const webgpu of [false, true]) {
    it(`WebGPU ${webgpu ? 'on' : 'off'}: one switch of each, holding all of Playwright's features and ours`, () => {
      const flags = chromiumFlags(webgpu);
      const disabled = featureSwitch(flags, 'disable-features');
      const enabled = featureSwitch(flags, 'enable-features');
      expect(disabled).toEqual(expect.arrayContaining([...playwrightDisabled, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
      expect(enabled).toEqual(expect.arrayContaining(playwrightEnabled));
      expect(enabled.includes('Vulkan')).toBe(webgpu);
      expect(flags.includes('--use-webgpu-adapter=swiftshader')).toBe(webgpu);
      expect(flags).toContain('--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1');
    });
  }
});
