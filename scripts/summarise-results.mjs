// Prints the one-line total for every result file under the folders given.
import { summarise } from './test-results.mjs';

let passed = 0;
let failed = 0;
for (const folder of process.argv.slice(2)) {
  const counts = summarise(folder);
  for (const line of counts.lines) {
    console.log(line);
  }
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);
