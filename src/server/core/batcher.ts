// Work that arrives while a batch is being written waits and goes together in the next one: one
// transaction and one commit for a burst instead of one each, and nobody waits for more than the
// batch before them. `run` answers each item in order. A batch that fails is tried again item by
// item, so one bad item fails alone and the others are answered as if they had come alone.
// Each batch is cut one turn of the event loop after it could start, so what arrives meanwhile
// joins it: on PGlite a batch's statements and the requests that feed it share one thread and one
// connection, and cut at once the batches stayed a few items each (one transaction's cost per few RSVPs).
export function createBatcher<I, O>(run: (items: I[]) => Promise<O[]>, maxBatch = 200): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (out: O) => void; reject: (error: unknown) => void };
  let queue: Waiting[] = [];
  let running = false;

  async function drain() {
    running = true;
    while (queue.length) {
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        const out = await run(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(out[i]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else for (const w of batch) await run([w.item]).then(([out]) => w.resolve(out!), w.reject);
      }
    }
    running = false;
  }

  return (item) => new Promise<O>((resolve, reject) => {
    queue.push({ item, resolve, reject });
    if (!running) void drain();
  });
}
