/**
 * Runs `work` for indexes 0..count-1 with at most `concurrency` running at once and yields the results
 * in index order. It never runs further ahead of the consumer than `concurrency` pages, so memory stays
 * flat however long the document is. A failure stops new work and is thrown when its turn comes.
 */
export async function* inOrder<T>(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<T>,
): AsyncGenerator<T> {
  const running = new Map<number, Promise<T>>();
  let next = 0;
  const fill = (upTo: number): void => {
    while (next < count && next < upTo) {
      const promise = work(next);
      promise.catch(() => undefined); // observed when awaited in order below
      running.set(next, promise);
      next++;
    }
  };
  try {
    for (let index = 0; index < count; index++) {
      fill(index + Math.max(1, concurrency));
      const result = await (running.get(index) as Promise<T>);
      running.delete(index);
      yield result;
    }
  } finally {
    // The consumer stopped early or a page failed: let the pages still running finish quietly.
    await Promise.allSettled(running.values());
  }
}
