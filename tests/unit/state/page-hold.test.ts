import { afterEach, describe, expect, it } from 'vitest';
import { usePageHold } from '../../../src/state/page-hold';

afterEach(() => usePageHold.setState({ reasons: [], held: false }));

describe('page holds', () => {
  it('is held while any hold is on, and lifts with the last one', () => {
    const { setHold } = usePageHold.getState();
    setHold('slide', true);
    setHold('offscreen', true);
    expect(usePageHold.getState().held).toBe(true);
    setHold('slide', false);
    expect(usePageHold.getState()).toMatchObject({ held: true, reasons: ['offscreen'] });
    setHold('offscreen', false);
    expect(usePageHold.getState()).toMatchObject({ held: false, reasons: [] });
  });

  it('repeats of the same hold change nothing (no extra notifications)', () => {
    let changes = 0;
    const stop = usePageHold.subscribe(() => changes++);
    const { setHold } = usePageHold.getState();
    setHold('slide', true);
    setHold('slide', true);
    setHold('offscreen', false);
    stop();
    expect(changes).toBe(1);
    expect(usePageHold.getState().reasons).toEqual(['slide']);
  });
});
