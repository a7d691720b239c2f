/**
 * The page-side controller every panel shares: a client attached or gone starts a new run, a
 * stale run's replies are refused, params set while the panel is hidden (or before the worker
 * is there) mark it dirty and are applied once on return, and a hidden panel applies nothing.
 */
import { describe, expect, it } from 'vitest';
import { PanelController } from '../../../src/state/panel-controller';

interface Api {
  name: string;
}

function recorder() {
  const applied: { client: string; params: number; run: number }[] = [];
  const controller = new PanelController<Api, number>((client, params, run) =>
    applied.push({ client: client.name, params, run }),
  );
  return { controller, applied };
}

describe('PanelController', () => {
  it('counts runs: a newer run, a new client or leaving the panel makes a run stale', () => {
    const { controller } = recorder();
    const a = controller.beginRun();
    expect(controller.isCurrent(a)).toBe(true);
    const b = controller.beginRun();
    expect(controller.isCurrent(a)).toBe(false);
    expect(controller.isCurrent(b)).toBe(true);
    controller.attach({ name: 'w1' });
    expect(controller.isCurrent(b)).toBe(false);
    controller.setShown(true);
    const c = controller.beginRun();
    controller.setShown(false);
    expect(controller.isCurrent(c)).toBe(false);
  });

  it('applies params only while shown and attached; hidden changes apply once, the last, on return', () => {
    const { controller, applied } = recorder();
    controller.setParams(1); // no client, not shown
    expect(applied).toEqual([]);
    expect(controller.isDirty).toBe(true);
    controller.attach({ name: 'w1' });
    expect(applied).toEqual([]); // attached but hidden: still nothing
    controller.setShown(true);
    expect(applied.map((a) => a.params)).toEqual([1]);
    expect(controller.isDirty).toBe(false);
    controller.setParams(2);
    expect(applied.map((a) => a.params)).toEqual([1, 2]);
    controller.setShown(false);
    controller.setParams(3);
    controller.setParams(4);
    expect(applied.map((a) => a.params)).toEqual([1, 2]);
    controller.setShown(true);
    expect(applied.map((a) => a.params)).toEqual([1, 2, 4]);
    // Each application ran as the current run.
    expect(controller.isCurrent(applied[2].run)).toBe(true);
    controller.setShown(true); // no change: nothing again
    expect(applied).toHaveLength(3);
  });

  it('re-applies the params to a new client (a restarted worker) while shown, and tells subscribers', () => {
    const { controller, applied } = recorder();
    let calls = 0;
    const unsubscribe = controller.subscribe(() => calls++);
    controller.setShown(true);
    controller.attach({ name: 'w1' });
    controller.setParams(7);
    controller.attach(null);
    expect(controller.current).toBeNull();
    controller.attach({ name: 'w2' });
    expect(applied.map((a) => `${a.client}:${a.params}`)).toEqual(['w1:7', 'w2:7']);
    expect(calls).toBe(4); // shown, w1, null, w2
    unsubscribe();
    controller.attach(null);
    expect(calls).toBe(4);
  });

  it('leaves the runs to its owner when asked: an apply joins the run in flight, leaving keeps it current', () => {
    const applied: number[] = [];
    const controller = new PanelController<Api, number>((_client, _params, run) => applied.push(run), true);
    controller.setShown(true);
    controller.attach({ name: 'w1' });
    const training = controller.beginRun(); // e.g. the lab's training run
    controller.setParams(1); // a live change: applied within the training run
    expect(applied).toEqual([training]);
    expect(controller.isCurrent(training)).toBe(true);
    controller.setShown(false); // the owner stops its own work (the lab pauses, a run of its own)
    expect(controller.isCurrent(training)).toBe(true);
    controller.setParams(2);
    expect(controller.isDirty).toBe(true);
    controller.setShown(true);
    expect(applied).toEqual([training, training]);
    expect(controller.isDirty).toBe(false);
  });

  it('applies nothing when a panel is left while dirty, with or without an owner of its runs', () => {
    for (const ownerTakesRuns of [false, true]) {
      const applied: number[] = [];
      const controller = new PanelController<Api, number>((_client, params) => applied.push(params), ownerTakesRuns);
      controller.setShown(true);
      controller.setParams(1); // no worker yet: remembered, dirty
      expect(controller.isDirty).toBe(true);
      controller.setShown(false); // left before the worker came: still nothing to apply
      controller.attach({ name: 'w1' });
      expect(applied).toEqual([]);
      expect(controller.isDirty).toBe(true);
      controller.setShown(true);
      expect(applied).toEqual([1]);
    }
  });
});
