import { FOUNDATION_SCHEMAS } from '../../contract/foundation';
import { bootstrapDeployCommand, foundationDeployCommand } from '../../contract/deploy-command';
import { foundationParameterName, foundationStackName, type FoundationKind } from '../../contract/naming';

export interface CheckResult {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
  /** What to do about a failure. */
  readonly fix?: string;
}

/** The facts preflight gathers from AWS; undefined means not looked up (not needed at this tier). */
export interface PreflightFacts {
  /** Raw SSM values; null when the parameter does not exist. */
  readonly documents: Partial<Record<FoundationKind, string | null>>;
  /** The zone named by the dns document, when it could be looked up. */
  readonly zone?: { readonly id: string; readonly name: string | null };
  /** RDS status of the env database; null when the instance does not exist. */
  readonly databaseStatus?: string | null;
  readonly liveBuildIds: readonly string[];
}

export interface PreflightInput {
  readonly env: string;
  readonly zoneName: string;
  readonly databaseIdentifier: string;
  readonly needsDatabase: boolean;
  readonly buildId?: string;
  /**
   * The env's `dns.zoneId`: the only zone the account plane lets builds change records in.
   * @default none (builds may change no record)
   */
  readonly pinnedZoneId?: string;
  readonly allowReuse: boolean;
  readonly maxConcurrentBuilds: number;
}

function deployHint(env: string, kind: FoundationKind): string {
  return `deploy ${foundationStackName(env, kind)} first: ${foundationDeployCommand(env, kind)}`;
}

/** Validates one hand-off document with the contract's own schema. */
export function documentCheck(env: string, kind: FoundationKind, raw: string | null | undefined): CheckResult {
  const check = `foundation document ${foundationParameterName(env, kind)}`;
  if (raw === null || raw === undefined) return { check, ok: false, detail: 'parameter does not exist', fix: deployHint(env, kind) };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { check, ok: false, detail: 'value is not JSON', fix: `re-deploy ${foundationStackName(env, kind)} (${foundationDeployCommand(env, kind)}); the parameter was written by something else` };
  }
  const parsed = FOUNDATION_SCHEMAS[kind].safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    return { check, ok: false, detail: `does not match the contract schema: ${issues}`, fix: `re-deploy ${foundationStackName(env, kind)} from this revision so it publishes the current schema (${foundationDeployCommand(env, kind)})` };
  }
  return { check, ok: true, detail: 'valid' };
}

export function evaluatePreflight(input: PreflightInput, facts: PreflightFacts): CheckResult[] {
  const kinds: FoundationKind[] = input.needsDatabase ? ['network', 'dns', 'database'] : ['network', 'dns'];
  const results = kinds.map((k) => documentCheck(input.env, k, facts.documents[k]));

  if (facts.zone !== undefined) {
    const ok = facts.zone.name === input.zoneName;
    results.push({
      check: `hosted zone ${input.zoneName}`,
      ok,
      detail: facts.zone.name === null ? `zone ${facts.zone.id} does not exist` : ok ? `exists (${facts.zone.id})` : `zone ${facts.zone.id} is ${facts.zone.name}`,
      fix: ok ? undefined : `re-deploy ${foundationStackName(input.env, 'dns')} (${foundationDeployCommand(input.env, 'dns')}); its document names a zone that is not ${input.zoneName}`,
    });
  }
  if (input.needsDatabase) {
    const status = facts.databaseStatus;
    results.push({
      check: `database ${input.databaseIdentifier}`,
      ok: status === 'available',
      detail: status === null || status === undefined ? 'instance does not exist' : `status ${status}`,
      fix: status === 'available' ? undefined : status === null || status === undefined ? deployHint(input.env, 'database') : 'wait until RDS reports it available, then re-run preflight',
    });
  }
  if (input.buildId !== undefined && facts.zone !== undefined) results.push(pinnedZoneCheck(input, facts.zone.id));
  if (input.buildId !== undefined) {
    const live = facts.liveBuildIds.includes(input.buildId);
    results.push({
      check: `build ${input.buildId} not live`,
      ok: !live || input.allowReuse,
      detail: live ? (input.allowReuse ? 'live, reuse allowed' : 'resources tagged with this build id exist') : 'no resources carry it',
      fix: live && !input.allowReuse ? `use a new build id, tear it down (goldenpath teardown --env ${input.env} --build-id ${input.buildId}), or pass --allow-reuse to deploy over it` : undefined,
    });
    const others = facts.liveBuildIds.filter((b) => b !== input.buildId).length;
    const ok = others < input.maxConcurrentBuilds;
    results.push({
      check: 'live builds under the cap',
      ok,
      detail: `${others} other live build(s), cap ${input.maxConcurrentBuilds}`,
      fix: ok ? undefined : `tear down a build or reap expired ones: goldenpath orphans --env ${input.env} --expired --delete --yes`,
    });
  }
  return results;
}

/** A build writes its records (certificate validation, ExternalDNS) only in the zone the env pins, which must be the dns stack's. */
function pinnedZoneCheck(input: PreflightInput, zoneId: string): CheckResult {
  const file = `envs/${input.env}.ts`;
  const ok = input.pinnedZoneId === zoneId;
  return {
    check: `build records pinned to ${input.zoneName}`,
    ok,
    detail: ok
      ? `dns.zoneId ${zoneId}`
      : input.pinnedZoneId === undefined
        ? `${file} has no dns.zoneId, so the account plane lets builds change no record`
        : `dns.zoneId in ${file} is ${input.pinnedZoneId}, but the dns document names zone ${zoneId}`,
    fix: ok ? undefined : `set dns.zoneId: '${zoneId}' in ${file}, then redeploy the account plane (${bootstrapDeployCommand(input.env)})`,
  };
}
