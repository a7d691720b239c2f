/**
 * Runs async tasks one at a time in call order: comlink delivers calls while an earlier one
 * awaits a readback, and a task must never find its model disposed under it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
