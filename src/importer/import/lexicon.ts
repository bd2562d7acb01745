/**
 * The organisation lexicon the CMS already holds, for the parser: every
 * organisation's name, alternate and previous names, type and country, read
 * at import time. An editor who adds an alias in the admin ("IfW Kiel" to the
 * Kiel Institute) makes the next import recognise it — the code's seed bundle
 * (knowledge/organizations.seed.json) only fills in what the database lacks.
 * Keys are the organisations' slugs, the same stable key the writer matches on.
 */
import type { Core } from '@strapi/strapi';
import type { KnownOrganization } from '../entity-knowledge';
import { ORG_TYPES } from '../constants';
import type { OrgType } from '../types';

type Row = { name: string; slug: string; alternateNames?: unknown; previousNames?: unknown; orgType?: string | null; country?: string | null };

const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []);

export const loadOrganizationLexicon = async (strapi: Core.Strapi): Promise<KnownOrganization[]> => {
  // draft and published rows of one document share the slug: one entry per slug
  const rows = (await strapi.db.query('api::organization.organization').findMany({
    select: ['name', 'slug', 'alternateNames', 'previousNames', 'orgType', 'country'],
  })) as Row[];
  const bySlug = new Map<string, KnownOrganization>();
  for (const row of rows) {
    if (!row.slug || !row.name || bySlug.has(row.slug)) continue;
    const orgType = (ORG_TYPES as readonly string[]).includes(row.orgType ?? '') ? (row.orgType as OrgType) : 'other';
    bySlug.set(row.slug, {
      key: row.slug,
      name: row.name,
      orgType,
      ...(row.country ? { country: row.country } : {}),
      alternateNames: names(row.alternateNames),
      previousNames: names(row.previousNames),
    });
  }
  return [...bySlug.values()];
};
