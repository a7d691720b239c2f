/**
 * Why the lab's training is held (`hidden`: a hidden tab, `slide`: a hidden slide,
 * `offscreen`: a frame out of view, `compare`: the comparison view). Training that runs when
 * the first hold begins pauses, and resumes when the last hold lifts; training the user
 * paused stays paused.
 */
export interface HeldTraining {
  isTraining(): boolean;
  pause(): void;
  resume(): void;
}

export class TrainingHolds {
  private readonly reasons = new Set<string>();
  /** Training ran when the first hold began, so it resumes when the last one lifts. */
  private pausedByHold = false;

  constructor(private readonly training: HeldTraining) {}

  /** Turns one hold on or off. */
  set(reason: string, on: boolean): void {
    const wasHeld = this.reasons.size > 0;
    if (on) this.reasons.add(reason);
    else this.reasons.delete(reason);
    const held = this.reasons.size > 0;
    if (held && !wasHeld && this.training.isTraining()) {
      this.training.pause();
      this.pausedByHold = true;
    } else if (!held && wasHeld && this.pausedByHold) {
      this.pausedByHold = false;
      this.training.resume();
    }
  }

  /** Training was paused (by the user, or by anything but a hold): lifting the holds leaves it paused. */
  forget(): void {
    this.pausedByHold = false;
  }
}
