/**
 * The session model in Chromium: a learning-rate change while training neither stops training
 * nor resets the loss curve (lab and distillation); a hidden panel does no compute; a hung
 * worker is detected, replaced, and the lab goes on with its weights; and start/stop/
 * configure/import interleaved 200 times at random on the lab session (WebGPU when on) with
 * no error and no tensor leak. Everything trains tiny models on WASM unless said otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FlowlabHook } from '../../src/app/compute-client';
import { CONFIG, WEBGPU, expectNoProblems, openApp, waitForBackend } from './harness';

type HookWindow = Window & { __flowlab?: FlowlabHook };
const SMALL = '&backend=wasm&layers=1&hidden=8';
const modelDensity = (page: Page) => page.getByRole('img', { name: /^Model density for .* NLL \d/ });

/** The lab's worker frame now (step, loss curve, training flag, params). */
const labFrame = (page: Page) =>
  page.evaluate(async () => {
    const f = await (window as HookWindow).__flowlab!.compute.labFrame();
    return { step: f.step, training: f.training, lossSteps: Array.from(f.lossSteps), lr: f.params.learningRate, dataset: f.params.dataset };
  });
const work = (page: Page) => page.evaluate(() => (window as HookWindow).__flowlab!.compute.sessionWork());

describe(`session model ${CONFIG}`, () => {
  it('lab: a learning-rate change while training keeps training and the loss curve', async () => {
    const page = await openApp(`/?${SMALL}`);
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Train' }).click();
    await expect.poll(async () => (await labFrame(page)).lossSteps.length, { timeout: 60_000 }).toBeGreaterThan(2);
    const before = await labFrame(page);
    const lr = page.getByLabel('Learning rate');
    await lr.fill('0.007');
    await lr.press('Enter');
    await expect.poll(async () => (await labFrame(page)).lr, { timeout: 30_000 }).toBe(0.007);
    const after = await labFrame(page);
    expect(after.training).toBe(true);
    expect(after.lossSteps[0]).toBe(before.lossSteps[0]);
    await expect.poll(async () => (await labFrame(page)).step, { timeout: 30_000 }).toBeGreaterThan(after.step);
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    await expectNoProblems();
  });

  it('distillation: a learning-rate change while training keeps training, the curve and the student', async () => {
    const page = await openApp('/?panel=distill&backend=wasm');
    await waitForBackend(page);
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect.poll(() => train.isEnabled(), { timeout: 120_000 }).toBe(true);
    await train.click();
    const steps = () => page.locator('[data-kl]').count();
    await expect.poll(async () => (await work(page)).distill ?? 0, { timeout: 60_000 }).toBeGreaterThan(5);
    const distillWork = (await work(page)).distill;
    // The distillation has no rate field: the address sets it (back/forward reach the store so).
    await page.evaluate(() => {
      const url = new URL(location.href);
      url.searchParams.set('lr', '0.0005');
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    // Training goes on: slices keep running, the Pause button stays, no rebuild ("configuring").
    await expect.poll(async () => (await work(page)).distill, { timeout: 60_000 }).toBeGreaterThan(distillWork + 5);
    expect(await page.getByRole('button', { name: 'Pause', exact: true }).isVisible()).toBe(true);
    expect(await steps()).toBeGreaterThan(0);
    await expectNoProblems();
  });

  it('a hidden panel does no compute: the lab stays idle while another panel changes its params and trains', { timeout: 300_000 }, async () => {
    const page = await openApp(`/?${SMALL}`);
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: /Distillation/ }).click();
    const train = page.getByRole('button', { name: 'Train', exact: true });
    await expect.poll(() => train.isEnabled(), { timeout: 120_000 }).toBe(true);
    const labBefore = (await work(page)).lab;
    // The distillation writes the shared data set; the lab's panel is not shown.
    await page.getByLabel('Teacher’s data set').selectOption('moons');
    await expect.poll(() => train.isEnabled(), { timeout: 120_000 }).toBe(true);
    await train.click();
    const distillBefore = (await work(page)).distill;
    await expect.poll(async () => (await work(page)).distill, { timeout: 60_000 }).toBeGreaterThan(distillBefore + 10);
    expect((await work(page)).lab).toBe(labBefore);
    // Back on the lab: the change is applied then.
    await page.getByRole('link', { name: /Density lab/ }).click();
    await expect.poll(async () => (await work(page)).lab, { timeout: 60_000 }).toBeGreaterThan(labBefore);
    await expect.poll(async () => (await labFrame(page)).dataset, { timeout: 120_000 }).toBe('moons');
    await expectNoProblems();
  });

  it('a hung worker is detected, replaced with a notice, and the lab goes on with its weights', async () => {
    // The page's own heartbeat (src/app/heartbeat.ts) finds the hang, with a shorter limit than
    // production's 15 s so that the test does not sit out 17 s: a test-only window property an
    // init script sets before the app starts (no URL reaches it). The detection path is the real one.
    const page = await openApp(`/?${SMALL}`, {
      beforeLoad: (context) =>
        context.addInitScript(() => {
          window.__flowlabHeartbeatForTesting = { intervalMs: 500, hungAfterMs: 5_000 };
        }),
    });
    await waitForBackend(page);
    await modelDensity(page).waitFor({ timeout: 120_000 });
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(async () => (await labFrame(page)).step, { timeout: 60_000 }).toBe(3);
    const points = [0.3, -0.2, 1.5, 0.7, -2, 1];
    const logProb = () =>
      page.evaluate(async (pts) => Array.from(await (window as HookWindow).__flowlab!.compute.labLogProb(Float32Array.from(pts))), points);
    // The step's frame carried the weights to the page (drawn).
    await modelDensity(page).waitFor();
    const before = await logProb();
    await page.evaluate(() => void (window as HookWindow).__flowlab!.compute.hangForTesting(120_000));
    const notice = page.getByRole('alert', { name: 'Worker restarted' });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toMatch(/did not answer for \d+ s.*restarted.*density lab goes on from the weights/);
    await waitForBackend(page);
    await expect.poll(logProb, { timeout: 120_000 }).toEqual(before);
    await expectNoProblems();
  });

  it('interleaves start/stop/configure/import 200 times at random on the lab session: no error, no leak', { tags: ['webgpu'], timeout: 240_000 }, async () => {
    // The lab's own controller is not attached on another panel: the test drives the session alone.
    // The cost panel computes nothing until asked (the step-by-step panel, used before, trained
    // and drew on the same worker at start: on software WebGPU that tripled this test's time).
    const page = await openApp(`/?panel=cost&backend=${WEBGPU ? 'webgpu' : 'wasm'}`);
    await waitForBackend(page, 120_000);
    // A fresh seed each run, logged (FLOWLAB_INTERLEAVE_SEED=<n> replays a run's sequence).
    const seed = Number(process.env.FLOWLAB_INTERLEAVE_SEED) || 1 + Math.floor(Math.random() * 2 ** 30);
    console.log(`interleaving seed ${seed} (replay: FLOWLAB_INTERLEAVE_SEED=${seed})`);
    const result = await page.evaluate(async (seed) => {
      const { compute, proxy } = (window as HookWindow).__flowlab!;
      let state = seed;
      const random = () => {
        // mulberry32: 32-bit integer steps, exact in JavaScript (the same seed, the same sequence).
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      // The smallest model the URL schema allows (1 layer, MADE [8, 8]) and 8×8 / 4×4 density
      // grids (the default 128² and 64² cost software WebGPU ≈ 80 µs a point, mostly in the
      // import check): the race is in the lifecycle (run counter, serial queue, read-backs
      // pending while a configure or import disposes the model), and every frame and import
      // check still reads back from the GPU as at full size.
      const base = { flow: 'maf' as const, dataset: '8gaussians', layers: 1, hidden: 8, learningRate: 3e-3, batchSize: 64, seed: 1 };
      const options = { gridCells: { idle: 8, live: 4 } };
      const settle = async (seed: number) => {
        await compute.labConfigure({ ...base, seed }, options);
        await compute.labStep(1);
        return (await compute.memory()).numTensors;
      };
      await settle(7); // first use: kernels compile, the backend keeps what it keeps
      const tensorsBefore = await settle(7);
      const text = await compute.labExportModel();
      const pending: Promise<unknown>[] = [];
      const counts = { start: 0, stop: 0, live: 0, rebuild: 0, import: 0 };
      for (let i = 0; i < 200; i++) {
        const r = random();
        let call: Promise<unknown>;
        if (r < 0.3) {
          counts.start++;
          call = compute.labStart(proxy(() => undefined));
        } else if (r < 0.5) {
          counts.stop++;
          call = compute.labPause();
        } else if (r < 0.7) {
          counts.live++;
          call = compute.labConfigure({ ...base, learningRate: 1e-3 * (1 + Math.floor(random() * 5)), batchSize: 32 * (1 + Math.floor(random() * 3)) }, options);
        } else if (r < 0.88) {
          counts.rebuild++;
          call = compute.labConfigure({ ...base, seed: 1 + Math.floor(random() * 4), flow: random() < 0.5 ? 'maf' : 'iaf' }, options);
        } else {
          counts.import++;
          call = compute.labImportModel(text);
        }
        pending.push(call);
        if (random() < 0.5) await call; // else the next call arrives while this one runs
      }
      await Promise.all(pending);
      await compute.labPause();
      return { tensorsBefore, tensorsAfter: await settle(7), counts };
    }, seed);
    expect(result.counts.start).toBeGreaterThan(20);
    expect(result.counts.import).toBeGreaterThan(5);
    // Worker-wide count: another panel's tensors may be freed meanwhile, so ≤, not =.
    expect(result.tensorsAfter).toBeLessThanOrEqual(result.tensorsBefore);
    await expectNoProblems();
  });
});
