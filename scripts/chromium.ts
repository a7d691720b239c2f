/**
 * Launches the system Chromium (Debian's `chromium` package) for the browser tests and the
 * screenshot script. Playwright gives every launch a fresh temporary user-data-dir.
 *
 * With `webgpu: true` Chromium exposes the SwiftShader software WebGPU adapter; without it
 * `navigator.gpu.requestAdapter()` returns null, as on a machine without WebGPU.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** `FLOWLAB_CHROMIUM` overrides the path. */
export const CHROMIUM_PATH = process.env.FLOWLAB_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium reads only the last `--disable-features` (and `--enable-features`) switch, and
 * Playwright passes its own lists before ours: ours repeat Playwright 1.65's and add to them
 * (tests/unit/scripts/chromium-flags.test.ts checks against the installed Playwright).
 *
 * WebUIOmniboxPopup, WebUIOmniboxAimPopup: since Chromium 151 every new window (one per browser
 * context, so one per test page) preloads the address bar's popup as a WebUI page in its own
 * renderer, headless too. Measured here: 2.1 of 5.7 CPU-seconds and 1.6 of 3.0 s per page open.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
const PLAYWRIGHT_ENABLED_FEATURES = ['CDPScreenshotNewSurface', 'SkipListAccountsWithoutGaiaCookies'];

const COMMON_FLAGS = [
  '--headless=new',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  // Every page here is served on 127.0.0.1: no other host name resolves, so no request can
  // leave the machine (the browser tests record any such attempt as a problem).
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

export function chromiumFlags(webgpu: boolean): string[] {
  const enabled = webgpu ? [...PLAYWRIGHT_ENABLED_FEATURES, 'Vulkan'] : PLAYWRIGHT_ENABLED_FEATURES;
  return [
    ...COMMON_FLAGS,
    ...(webgpu ? WEBGPU_FLAGS : []),
    `--enable-features=${enabled.join(',')}`,
  ];
}

function launchOptions(webgpu: boolean) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it: ` +
        'sudo apt-get update && sudo apt-get install -y chromium',
    );
  }
  return {
    executablePath: CHROMIUM_PATH,
    // We pass --headless=new ourselves (WebGPU needs the new headless mode).
    headless: false,
    args: chromiumFlags(webgpu),
  };
}

export async function launchChromium({ webgpu }: { webgpu: boolean }): Promise<Browser> {
  return chromium.launch(launchOptions(webgpu));
}

/**
 * One Chromium that several processes share: each connects with
 * `chromium.connect(server.wsEndpoint())` (the browser tests: one launch per run, not per file).
 */
export async function launchChromiumServer({ webgpu }: { webgpu: boolean }): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions(webgpu));
}
