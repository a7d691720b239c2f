/**
 * The distillation's history: (step, KL mean, KL standard error, student NLL) rows, kept to a
 * bounded length by dropping every other row when full (the first row, the student's initial
 * value, always stays).
 */
export interface KlRecord {
  step: number;
  klMean: number;
  klError: number;
  nll: number;
}

export class KlLog {
  private rows: KlRecord[] = [];

  constructor(private readonly capacity = 400) {}

  add(row: KlRecord): void {
    this.rows.push(row);
    if (this.rows.length > this.capacity) this.rows = this.rows.filter((_, i) => i % 2 === 0 || i === this.rows.length - 1);
  }

  get length(): number {
    return this.rows.length;
  }

  last(): KlRecord | null {
    return this.rows.length ? this.rows[this.rows.length - 1] : null;
  }

  columns(): { steps: Float32Array; means: Float32Array; errors: Float32Array; nll: Float32Array } {
    return {
      steps: Float32Array.from(this.rows, (r) => r.step),
      means: Float32Array.from(this.rows, (r) => r.klMean),
      errors: Float32Array.from(this.rows, (r) => r.klError),
      nll: Float32Array.from(this.rows, (r) => r.nll),
    };
  }
}
