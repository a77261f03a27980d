// Runs the BSI's reference CSAF 2.0 validator (@secvisogram/csaf-validator-lib) on files and prints one JSON
// object a line, one per file in order: the strict schema test and every mandatory test decide "valid" (their
// errors are "errors"); the optional tests are run and reported ("optional"), but do not decide. IoTSeal's tests
// call it (ADR 0098): node validate.mjs <file.json>... (several files in one run, as loading the library takes
// seconds). Exit code 0 when all are valid, 1 when one is not, 2 when it could not run.
import { readFile } from 'node:fs/promises'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import * as schema from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import * as optional from '@secvisogram/csaf-validator-lib/optionalTests.js'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: node validate.mjs <csaf-document.json>...')
  process.exit(2)
}

// Each test's problems, named by the test that found them.
function problems(results, kind) {
  return results.tests.flatMap((t) => t[kind].map((p) => ({ test: t.name, instancePath: p.instancePath, message: p.message })))
}

async function validateFile(file) {
  let document
  try {
    document = JSON.parse(await readFile(file, 'utf8'))
  } catch (e) {
    return { file, valid: false, errors: [{ test: 'json', message: String(e.message) }], optional: [] }
  }
  const deciding = await validateStrict([schema.csaf_2_0_strict, ...Object.values(mandatory)], document)
  const reported = await validateStrict(Object.values(optional), document)
  return {
    file,
    valid: deciding.isValid,
    testsRun: deciding.tests.length + reported.tests.length,
    errors: problems(deciding, 'errors'),
    optional: problems(reported, 'errors').concat(problems(reported, 'warnings')),
  }
}

let allValid = true
for (const file of files) {
  const result = await validateFile(file)
  allValid = allValid && result.valid
  console.log(JSON.stringify(result))
}
process.exit(allValid ? 0 : 1)
