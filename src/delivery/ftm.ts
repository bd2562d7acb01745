import { stringList, type OrgRef, type SanctionRef } from './types';

/**
 * FollowTheMoney (https://followthemoney.tech) entities as JSON lines: one
 * `Sanction` per published sanction record, preceded by the organizations it
 * names (the sanctioned entity, referenced by id from `Sanction.entity`, and
 * the sanctioning authority, whose name is `Sanction.authority` — a plain
 * string property in the FtM model). Organizations are typed by `orgType`.
 */
export type FtmEntity = { id: string; schema: string; properties: Record<string, string[]> };

export const orgEntityId = (documentId: string): string => `newsroom-org-${documentId}`;
export const sanctionEntityId = (documentId: string): string => `newsroom-sanction-${documentId}`;

const PUBLIC_BODY_TYPES = new Set(['government_agency', 'ministry', 'police', 'intergovernmental']);

export const ftmSchemaForOrgType = (orgType: string | null | undefined): 'Company' | 'PublicBody' | 'Organization' =>
  orgType === 'company' ? 'Company' : PUBLIC_BODY_TYPES.has(orgType ?? '') ? 'PublicBody' : 'Organization';

const props = (input: Record<string, Array<string | null | undefined> | string | null | undefined>): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(input)) {
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
    if (values.length) out[name] = [...new Set(values)];
  }
  return out;
};

/** FtM `country` values are lower-case ISO 3166-1 alpha-2 codes. */
const country = (code: string | null | undefined) => (code ? code.toLowerCase() : undefined);

export const organizationEntity = (org: OrgRef): FtmEntity => ({
  id: orgEntityId(org.documentId),
  schema: ftmSchemaForOrgType(org.orgType),
  properties: props({
    name: org.name,
    alias: stringList(org.alternateNames),
    previousName: stringList(org.previousNames),
    country: country(org.country),
    wikidataId: org.wikidataId,
    website: org.website,
    leiCode: org.leiCode,
  }),
});

export const sanctionEntity = (record: SanctionRef & { organization: OrgRef }): FtmEntity => ({
  id: sanctionEntityId(record.documentId),
  schema: 'Sanction',
  properties: props({
    entity: orgEntityId(record.organization.documentId),
    authority: record.authority?.name,
    country: country(record.authorityCountry ?? record.authority?.country),
    program: record.program,
    startDate: record.startDate,
    endDate: record.endDate,
    listingDate: record.listingDate,
    reason: record.reason,
    sourceUrl: record.sourceUrl,
    status: record.listingStatus,
    summary: record.delistingReason ? `Delisted: ${record.delistingReason}` : undefined,
  }),
});

/** Organizations first (deduplicated), then sanctions, so every reference points backwards. */
export const sanctionsToFtm = (records: readonly SanctionRef[]): FtmEntity[] => {
  const orgs = new Map<string, FtmEntity>();
  const sanctions: FtmEntity[] = [];
  for (const record of records) {
    if (!record.organization) continue;
    for (const org of [record.organization, record.authority]) {
      if (org && !orgs.has(org.documentId)) orgs.set(org.documentId, organizationEntity(org));
    }
    sanctions.push(sanctionEntity(record as SanctionRef & { organization: OrgRef }));
  }
  return [...orgs.values(), ...sanctions];
};

export const toNdjson = (entities: readonly FtmEntity[]): string => entities.map((entity) => JSON.stringify(entity)).join('\n') + (entities.length ? '\n' : '');
