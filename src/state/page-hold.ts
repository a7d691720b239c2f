/**
 * Holds that pause the page's running work (training, playback, animation) without the user
 * pressing Pause: the slide that shows the frame was left (`slide:stop` from reveal.js or
 * Quarto), or the frame scrolled out of view. While any hold is on, every panel pauses what
 * runs; when the last one lifts, each panel resumes what the hold paused (never what the
 * user paused).
 */
import { create } from 'zustand';

/** Why the page is held: the host hid its slide, or the frame is outside the viewport. */
export type HoldReason = 'slide' | 'offscreen';

interface PageHoldState {
  reasons: readonly HoldReason[];
  /** True while at least one hold is on. */
  held: boolean;
  setHold(reason: HoldReason, on: boolean): void;
}

export const usePageHold = create<PageHoldState>()((set, get) => ({
  reasons: [],
  held: false,
  setHold(reason, on) {
    const others = get().reasons.filter((r) => r !== reason);
    const reasons = on ? [...others, reason] : others;
    if (reasons.length === get().reasons.length) return;
    set({ reasons, held: reasons.length > 0 });
  },
}));
