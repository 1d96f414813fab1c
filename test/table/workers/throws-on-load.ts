// A worker module for threads.test.ts: it fails before it can answer.
throw new Error('this worker fails while it loads');
