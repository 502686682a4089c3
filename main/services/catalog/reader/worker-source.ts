// The reader worker's code, as a string run with `new Worker(code, { eval: true })`. A string
// works the same under vitest (TS sources) and after bundling (no separate worker file to
// emit or locate). Keep it tiny and plain CommonJS: it is not type-checked.
import { CLOSE_MESSAGE } from './protocol';

export const READER_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const statements = new Map();
let db = null;
let fatal = null;
try {
  const Database = require(workerData.driverPath);
  db = new Database(workerData.dbPath, { readonly: true, fileMustExist: true, timeout: 5000 });
  for (const [name, sql] of Object.entries(workerData.queries)) statements.set(name, db.prepare(sql));
} catch (error) {
  fatal = String((error && error.message) || error);
}
parentPort.on('message', (request) => {
  if (request === ${JSON.stringify(CLOSE_MESSAGE)}) {
    if (db) db.close();
    parentPort.close();
    return;
  }
  if (fatal !== null) {
    parentPort.postMessage({ id: request.id, ok: false, fatal: true, message: fatal });
    return;
  }
  try {
    const statement = statements.get(request.query);
    if (!statement) throw new Error('unknown query ' + request.query);
    parentPort.postMessage({ id: request.id, ok: true, rows: statement.all(request.params) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, ok: false, fatal: false, message: String((error && error.message) || error) });
  }
});
`;
