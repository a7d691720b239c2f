/** The browser tests' configuration, read from the environment (harness and global setup). */

/** FLOWLAB_WEBGPU=on|off (default on): whether Chromium exposes its software WebGPU adapter. */
export function readWebGpuSetting(): boolean {
  const value = (process.env.FLOWLAB_WEBGPU ?? 'on').toLowerCase();
  if (value !== 'on' && value !== 'off') {
    throw new Error(`FLOWLAB_WEBGPU must be "on" or "off", not "${value}"`);
  }
  return value === 'on';
}

/** The build the tests serve: dist/, or FLOWLAB_DIST. */
export const DIST_ROOT = process.env.FLOWLAB_DIST ?? 'dist';
