/**
 * Runs tasks one after another. The SDK matches replies to requests by message type only, so
 * two concurrent calls of one kind would both receive the first reply; queueing them per kind
 * gives each call its own reply. A task holds its place until the SDK promise settles, even
 * when the caller stopped waiting (time limit, abort), so no reply can reach the wrong caller.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}
