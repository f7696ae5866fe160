interface Window {
  started: number;
  repeats: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Keeps a flood of identical log lines to two: the first of a kind is logged in full, the repeats within the
 * window are counted, and when the window ends one line says how many there were ("12 more like it in the last
 * 10 s: ..."). A busy outage or a bug hit by every request then costs two lines per 10 s, not one (with a stack
 * trace) per request.
 */
export class LogSummariser {
  private readonly windows = new Map<string, Window>();

  constructor(
    /** Writes the summary line of a kind that repeated. */
    private readonly summarise: (message: string) => void,
    private readonly windowMs = 10_000,
  ) {}

  /** True for the first occurrence of `key` in its window (log it then), false for a repeat (counted). */
  first(key: string): boolean {
    const open = this.windows.get(key);
    if (open) {
      open.repeats++;
      return false;
    }
    const timer = setTimeout(() => this.close(key), this.windowMs);
    // A summary pending must not keep the process alive.
    timer.unref?.();
    this.windows.set(key, { started: Date.now(), repeats: 0, timer });
    return true;
  }

  /** Writes the pending summaries now (at shutdown, or in tests). */
  flush(): void {
    for (const key of [...this.windows.keys()]) this.close(key);
  }

  private close(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    clearTimeout(window.timer);
    this.windows.delete(key);
    if (window.repeats === 0) return;
    const seconds = Math.max(1, Math.round((Date.now() - window.started) / 1000));
    this.summarise(`${window.repeats} more like it in the last ${seconds} s: ${key}`);
  }
}
