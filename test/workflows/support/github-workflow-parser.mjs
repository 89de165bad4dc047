// GitHub's own workflow parser and schema (@actions/workflow-parser, the one
// behind the Actions language service). It is an ES module that imports JSON
// without import attributes, so it runs here under `node --import tsx` rather
// than inside jest. Prints [{ file, errors }] as JSON.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { readFileSync } from 'node:fs';

const results = [];
for (const file of process.argv.slice(2)) {
  const parsed = parseWorkflow({ name: file, content: readFileSync(file, 'utf8') }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const errors = [...parsed.context.errors.getErrors().map((e) => e.message), ...(template.errors ?? []).map((e) => e.Message)];
  results.push({ file, errors: [...new Set(errors)] });
}
process.stdout.write(JSON.stringify(results));
