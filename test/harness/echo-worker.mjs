// A worker for the worker pool's tests: answers each task after `ms`, spins forever on 'hang',
// exits on 'exit'; one task at a time, each answered before the next starts.
import { parentPort } from 'node:worker_threads';

let turn = Promise.resolve();
parentPort.on('message', (task) => {
  turn = turn.then(async () => {
    if (task.mode === 'hang') for (;;);
    if (task.mode === 'exit') process.exit(3);
    await new Promise((resolve) => setTimeout(resolve, task.ms ?? 0));
    parentPort.postMessage({ ok: true, result: { id: task.id, bytes: task.bytes ? task.bytes.length : null } });
  });
});
parentPort.postMessage({ ready: true });
