/**
 * reveal.js's 'slide:stop' / 'slide:start' reach every panel, not only the density lab
 * (slides.e2e.ts): one deck-like host page with two embedded panels side by side, the
 * discrete-data panel (it trains by itself) and the masked convolution's inverse playback
 * (started with Play). Both stop when the host posts 'slide:stop' and go on after
 * 'slide:start'; the step counters the panels show are read inside the frames.
 */
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { CONFIG, appUrl, expectNoProblems, openApp } from './harness';
import { paceOf, quietFor, standsStill } from './stands-still';

function hostPage(): string {
  const frame = (id: string, panel: string) =>
    `<iframe id="${id}" title="${panel}" style="width:640px;height:420px;border:0" src="./?embed=1&backend=wasm&panel=${panel}"></iframe>`;
  return `<!doctype html><title>Slides host</title><body style="margin:0;display:flex">
    ${frame('discrete', 'discrete')}${frame('conv', 'conv')}
    <script>
      window.toFrames = (message) => {
        for (const f of document.querySelectorAll('iframe')) f.contentWindow.postMessage(message, '*');
      };
    </script>`;
}

const discreteStep = (frame: FrameLocator) =>
  frame.locator('.discrete-numbers').getAttribute('data-step').then(Number);
const convStep = (frame: FrameLocator) =>
  frame.locator('.conv-step-counter').getAttribute('data-step').then(Number);
const post = (page: Page, message: string) =>
  page.evaluate((m) => (window as unknown as { toFrames(m: string): void }).toFrames(m), message);

describe(`slides reach every panel ${CONFIG}`, () => {
  it("the discrete-data training and the convolution's playback stop on 'slide:stop' and go on after 'slide:start'", async () => {
    const host = appUrl('/slides-panels-host.html');
    const page = await openApp(host, {
      viewport: { width: 1300, height: 500 },
      beforeLoad: (context) =>
        context.route(host, (route) =>
          route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage() }),
        ),
    });
    const discrete = page.frameLocator('#discrete');
    const conv = page.frameLocator('#conv');
    // 16×16 at 24 steps a second: 768 steps, half a minute of playback.
    await conv.getByRole('radio', { name: '16×16' }).check({ timeout: 150_000 });
    await conv.locator('.conv-step-counter[data-total="768"]').waitFor({ timeout: 60_000 });
    await conv.getByRole('combobox', { name: 'Speed' }).selectOption('24');
    await conv.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => discreteStep(discrete), { timeout: 150_000 }).toBeGreaterThan(0);
    await expect.poll(() => convStep(conv), { timeout: 60_000 }).toBeGreaterThan(0);

    // Three of each counter's running steps (at least 1 s) without a change prove a hold.
    const [discreteQuiet, convQuiet] = (
      await Promise.all([
        paceOf(page, () => discreteStep(discrete)),
        paceOf(page, () => convStep(conv)),
      ])
    ).map((pace) => quietFor(pace));

    await post(page, 'slide:stop');
    const [discreteAt, convAt] = await Promise.all([
      standsStill(page, () => discreteStep(discrete), discreteQuiet),
      standsStill(page, () => convStep(conv), convQuiet),
    ]);
    // Held, not finished: the playback has steps left.
    expect(convAt).toBeLessThan(
      Number(await conv.locator('.conv-step-counter').getAttribute('data-total')),
    );

    await post(page, 'slide:start');
    await expect
      .poll(() => discreteStep(discrete), { timeout: 60_000 })
      .toBeGreaterThan(discreteAt);
    await expect.poll(() => convStep(conv), { timeout: 60_000 }).toBeGreaterThan(convAt);
    await expectNoProblems();
  });
});
