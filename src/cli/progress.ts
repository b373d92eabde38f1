// A one-line progress bar on stderr, shown only to a person watching (a TTY) and only for work long
// enough to need one; pipes and CI logs get the summary line alone.

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar so the summary line that follows starts clean. */
  stop(): void;
}

const NONE: Progress = { update: () => {}, stop: () => {} };
const WIDTH = 30;

export function progressBar(
  stream: NodeJS.WriteStream,
  label: string,
  { minTotal = 50, intervalMs = 100 }: { minTotal?: number; intervalMs?: number } = {},
): Progress {
  if (!stream.isTTY) return NONE;
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      if (total < minTotal) return;
      const now = Date.now();
      if (done < total && now - last < intervalMs) return;
      last = now;
      const filled = Math.round((done / total) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}`);
      shown = true;
    },
    stop() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
