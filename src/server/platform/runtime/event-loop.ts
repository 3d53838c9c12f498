/**
 * Lets the event loop turn (timers, I/O callbacks) before going on. Long CPU work on the main
 * thread calls it every so often: a database connection hands over its next queued statement
 * only when this thread reads the previous one's answer, so a busy thread leaves the database
 * idle (measured: 8 ms of event-loop delay on average during a large import).
 */
export function turnEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Rows of CPU work between two turns of the event loop (about a millisecond of work). */
export const ROWS_PER_TURN = 100;
