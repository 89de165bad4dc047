import { GetResourcesCommand, type ResourceGroupsTaggingAPIClient, type TagFilter } from '@aws-sdk/client-resource-groups-tagging-api';

export type Tags = Record<string, string>;

export function tagsOf(list: readonly { Key?: string; Value?: string }[] | undefined): Tags {
  const tags: Tags = {};
  for (const t of list ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
  return tags;
}

/** Every page of a paginated call. */
export async function allPages<P>(fetch: (token: string | undefined) => Promise<{ page: P; next?: string }>): Promise<P[]> {
  const pages: P[] = [];
  let token: string | undefined;
  do {
    const { page, next } = await fetch(token);
    pages.push(page);
    token = next === '' ? undefined : next;
  } while (token !== undefined);
  return pages;
}

/** The tagging API: 100 resources a page, each with all its tags. */
export async function taggedResources(client: ResourceGroupsTaggingAPIClient, filters: TagFilter[], resourceTypes?: string[]): Promise<{ arn: string; tags: Tags }[]> {
  const pages = await allPages(async (token) => {
    const out = await client.send(
      new GetResourcesCommand({ TagFilters: filters, ResourcesPerPage: 100, PaginationToken: token, ResourceTypeFilters: resourceTypes }),
    );
    return { page: out.ResourceTagMappingList ?? [], next: out.PaginationToken };
  });
  return pages.flat().map((m) => ({ arn: m.ResourceARN ?? '', tags: tagsOf(m.Tags) }));
}

/** `service:type` of an ARN, e.g. `ec2:instance`, `elasticloadbalancing:loadbalancer`, `logs:log-group`. */
export function resourceTypeOf(arn: string): string {
  const parts = arn.split(':');
  const service = parts[2] ?? 'unknown';
  const resource = parts.slice(5).join(':');
  return `${service}:${resource.split(/[:/]/)[0] ?? ''}`;
}
