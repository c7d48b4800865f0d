import { describe, expect, it } from 'vitest';
import { inOrder } from '../../../../functions/conversion/document/ocr/inOrder';

/** A task that finishes when the test says so, to control the order pages complete in. */
function gate<T>(): { promise: Promise<T>; open: (value: T) => void; fail: (error: Error) => void } {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('inOrder (the bounded page pool)', () => {
  it('yields results in page order whatever order they finish in', async () => {
    const gates = [gate<string>(), gate<string>(), gate<string>()];
    const results = inOrder(3, 3, (index) => (gates[index] as ReturnType<typeof gate<string>>).promise);
    const collected = (async () => {
      const out: string[] = [];
      for await (const value of results) out.push(value);
      return out;
    })();
    gates[2]?.open('c');
    gates[0]?.open('a');
    gates[1]?.open('b');
    expect(await collected).toEqual(['a', 'b', 'c']);
  });

  it('never runs more pages at once than allowed, nor far ahead of the reader', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const iterator = inOrder(10, 2, async (index) => {
      started.push(index);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return index;
    });
    const first = await iterator.next();
    expect(first.value).toBe(0);
    expect(started).toEqual([0, 1]); // nothing beyond the pool while the reader holds page 0
    const rest: number[] = [];
    for await (const value of iterator) rest.push(value);
    expect(rest).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('throws a page failure when that page is due, and starts nothing after it', async () => {
    const started: number[] = [];
    const pages = inOrder(5, 1, (index) => {
      started.push(index);
      return index === 1 ? Promise.reject(new Error('page 2 unreadable')) : Promise.resolve(index);
    });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const value of pages) seen.push(value);
      })(),
    ).rejects.toThrow('page 2 unreadable');
    expect(seen).toEqual([0]);
    expect(started).toEqual([0, 1]);
  });
});
