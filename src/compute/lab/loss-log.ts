/** The loss history of a run, downsampled by halving when it outgrows its capacity. */
export class LossLog {
  private steps: number[] = [];
  private values: number[] = [];
  private stride = 1;
  private lastValue = Number.NaN;
  private seen = 0;

  constructor(private readonly capacity = 1000) {}

  /** Records (step, loss); non-finite values are kept out of the curve. */
  add(step: number, value: number): void {
    this.lastValue = value;
    if (!Number.isFinite(value) || this.seen++ % this.stride !== 0) return;
    this.steps.push(step);
    this.values.push(value);
    if (this.steps.length > this.capacity) {
      this.stride *= 2;
      this.steps = this.steps.filter((_, i) => i % 2 === 0);
      this.values = this.values.filter((_, i) => i % 2 === 0);
    }
  }

  last(): number {
    return this.lastValue;
  }

  series(): { steps: Float32Array; values: Float32Array } {
    return { steps: Float32Array.from(this.steps), values: Float32Array.from(this.values) };
  }
}
