// One request in flight at a time: asked again while it runs, the job runs exactly once more
// when it lands (reading the state as it is then), so a dragged slider or a drawing stroke never
// queues up work in the worker.

/** Runs `job` now, or once more after the run in flight, however often it is asked for. */
export function coalesced(job: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    running = true;
    try {
      do {
        again = false;
        await job();
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
