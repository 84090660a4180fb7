// The draft-checking worker's entry point (bundled to dist/checkWorker.js): holds a copy of the
// extension's engine and checks drafts against it, so a long check never blocks the editor.
// The extension host cancels a check by writing its id into a shared ring of cells, read between statements.
import { parentPort, workerData } from 'node:worker_threads';
import { SourcedEngine } from '../engine';
import { preloadLexicon } from '../lexicon';
import { RecheckCache } from '../check/recheck';
import type { CheckReply, CheckRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('checkWorker.js must be started as a worker thread (use DraftCheckWorker).');
const cancelled = new Int32Array(workerData.cancel as SharedArrayBuffer);
const engine = new SourcedEngine();
// The editor sends the whole draft on every edit: the sentences it left alone keep their results.
const rechecks = new RecheckCache();
// The checker's word meanings load while the corpus snapshot is on its way; a failure shows in the first check.
preloadLexicon().catch(() => undefined);
// Requests run one after another in the order sent (a file update can wait on reading the file).
let queue: Promise<unknown> = Promise.resolve();

port.on('message', (request: CheckRequest) => {
  const post = (reply: CheckReply) => port.postMessage(reply);
  queue = queue.then(async () => {
    if (request.type !== 'check') {
      if (request.type === 'load') engine.restoreSnapshot(request.snapshot);
      else if (request.type === 'upsert') await engine.upsertFile(request.path).catch(() => undefined);
      else engine.removeFile(request.path);
      // Between checks, what the first check after a change would build (see SourcedEngine.warmUp).
      engine.warmUp().catch(() => undefined);
    } else {
      try {
        const results = engine.checkDraft(request.markdown, {
          visible: request.visible,
          cancelled: () => Atomics.load(cancelled, request.id % cancelled.length) === request.id,
          onPart: (part) => post({ type: 'part', id: request.id, results: part }),
          rechecks,
        });
        post({ type: 'done', id: request.id, results });
      } catch (error) {
        post({ type: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
  });
});
