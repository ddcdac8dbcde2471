// Preloaded into the app's process (NODE_OPTIONS=--import): every time the app opens or reads
// the file named by EVO_COUNT_READS_OF by its path, a line goes to EVO_COUNT_READS_LOG. The
// test counts the lines: how often the file was read, not how long it took.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const target = process.env.EVO_COUNT_READS_OF;
const logFile = process.env.EVO_COUNT_READS_LOG;
const append = fs.appendFileSync;

if (target && logFile) {
  for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream']) {
    const original = fs[name];
    fs[name] = function (path, ...rest) {
      if (String(path) === target) append(logFile, `${name}\n`);
      return original.call(this, path, ...rest);
    };
  }
  // The bundle's `import { readFileSync } from 'node:fs'` sees the counting versions too.
  syncBuiltinESMExports();
}
