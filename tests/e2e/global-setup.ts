/**
 * Once per browser-test run (vitest's globalSetup, in the main process): the built app served
 * on 127.0.0.1 and one Chromium, which every test file's harness connects to (each test still
 * gets fresh browser contexts). Launching Chromium per file cost about a second a file.
 */
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../../scripts/chromium';
import { startStaticServer } from '../../scripts/serve-dist';
import { DIST_ROOT, readWebGpuSetting } from './settings';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served build, with a trailing slash. */
    flowlabAppUrl: string;
    /** Where the shared Chromium listens (`chromium.connect`). */
    flowlabBrowserEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startStaticServer({ root: DIST_ROOT });
  const browser = await launchChromiumServer({ webgpu: readWebGpuSetting() });
  project.provide('flowlabAppUrl', server.url);
  project.provide('flowlabBrowserEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
