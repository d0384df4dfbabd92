/** What a route renders: an element, and what to stop (timers, subscriptions) when it is left. */
export interface Page {
  readonly element: HTMLElement;
  dispose?(): void;
}

/** Collects cleanup callbacks so a page can stop everything it started in one call. */
export class Disposer {
  private readonly tasks: (() => void)[] = [];
  private disposed = false;

  add(task: () => void): void {
    if (this.disposed) task();
    else this.tasks.push(task);
  }

  interval(callback: () => void, ms: number): void {
    const timer = setInterval(callback, ms);
    this.add(() => clearInterval(timer));
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    this.disposed = true;
    for (const task of this.tasks.splice(0).reverse()) {
      try {
        task();
      } catch {
        // one failing cleanup must not keep the others from running
      }
    }
  }
}
