import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressBar } from '../../../src/cli/progress.ts';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressBar', () => {
  it('draws on a TTY for large inputs and erases itself', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar(stream, 'packing', { minTotal: 10, intervalMs: 0 });
    bar.update(5, 10);
    bar.update(10, 10);
    bar.stop();
    assert.equal(written[0], '\rpacking [###############---------------] 5/10');
    assert.equal(written[1], '\rpacking [##############################] 10/10');
    assert.equal(written[2], '\r\x1b[2K');
  });

  it('stays silent on a pipe and for small inputs', () => {
    const pipe = fakeStream(false);
    const a = progressBar(pipe.stream, 'packing', { minTotal: 1, intervalMs: 0 });
    a.update(1, 2);
    a.stop();
    assert.deepEqual(pipe.written, []);
    const tty = fakeStream(true);
    const b = progressBar(tty.stream, 'packing', { minTotal: 50, intervalMs: 0 });
    b.update(1, 5);
    b.stop();
    assert.deepEqual(tty.written, []);
  });
});
