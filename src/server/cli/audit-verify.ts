import { verifyAuditChains } from '../audit/verify.js';
import { loadConfig } from '../config.js';
import { connectForTool } from './connect.js';

/** `npm run audit:verify`: checks every audit hash chain; exit code 1 when anything is wrong. */
const database = await connectForTool(loadConfig());
try {
  const report = await verifyAuditChains(database.db);
  console.log(`Checked ${report.rowsChecked} audit rows in ${report.chainsChecked} chains.`);
  for (const head of report.heads) {
    console.log(
      `  organisation ${head.organisationId} chain ${head.chain}: ${head.lastSeq} rows, head ${head.lastHash}`,
    );
  }
  if (report.problems.length === 0) {
    console.log('The audit trail is intact.');
  } else {
    console.log(`${report.problems.length} problem(s) found:`);
    for (const problem of report.problems.slice(0, 100)) {
      console.log(
        `  organisation ${problem.organisationId} chain ${problem.chain} row ${problem.seq ?? '(head)'}: ${problem.problem}`,
      );
    }
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
