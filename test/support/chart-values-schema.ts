import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { appHelmValues } from '../../contract/gitops/app-values';
import type { BootstrapValues } from '../../contract/bootstrap-values';
import type { CatalogApp } from '../../contract/catalog/types';

const SCHEMA_DIR = join(__dirname, '..', 'contract', 'catalog', 'apps', 'schemas');

/**
 * The errors Helm's values.schema.json check would raise for an app's
 * values, including the platform globals Argo CD passes with them. The
 * schemas are excerpts of the charts' own (source noted in each file);
 * `draft` follows the chart's `$schema`. strict is off because chart
 * schemas carry non-standard annotation keywords.
 */
export function chartSchemaErrors(
  schemaFile: string,
  app: Pick<CatalogApp, 'values'>,
  contract: BootstrapValues,
  draft: '2020-12' | 'draft-07' = 'draft-07',
): string[] {
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, schemaFile), 'utf8')) as object;
  const ajv = draft === '2020-12' ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  if (validate(appHelmValues(app, contract))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
