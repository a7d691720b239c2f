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

const COMMON_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
];

export function chromiumFlags(webgpu: boolean): string[] {
  return webgpu ? [...COMMON_FLAGS, ...WEBGPU_FLAGS] : [...COMMON_FLAGS];
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
