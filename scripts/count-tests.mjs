// Prints `tests: N passed, M failed` from the test runners' JSON reports, so a run that executed
// no test at all is visible in CI output. A missing or unreadable report counts as a failure.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    if ((report.numTotalTests ?? 0) === 0) {
      console.error(`${file}: no tests ran`);
      failed += 1;
    }
  } catch (error) {
    console.error(`${file}: no readable report (${error.message})`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
if (failed > 0) process.exitCode = 1;
