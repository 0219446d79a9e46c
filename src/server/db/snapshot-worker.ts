import { parentPort, workerData } from 'node:worker_threads';
import { finishSnapshot } from './snapshot-disk.ts';

// Runs off the main thread (see snapshot-disk.ts); answers with the snapshot's size in bytes.
parentPort!.postMessage(finishSnapshot(workerData as Parameters<typeof finishSnapshot>[0]));
