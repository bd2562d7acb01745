import type { Core } from '@strapi/strapi';
import { UID } from '../domain/constants';
import { nameKeys } from '../importer/import/name-key';

const TABLE = 'newsroom_organization_keys';

type OrganizationNames = { document_id: string; name: string | null; alternate_names: unknown; previous_names: unknown };

const list = (value: unknown): string[] => {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
};
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * The organization name index is derived data: `strapi export`/`import` do not
 * carry it (it is a raw table, not a content type), so after a restore it was
 * empty and the next import of "Meiya Pico" created a duplicate organization.
 * At boot, every name of every stored organization is indexed again (missing
 * keys added), and keys of organizations that no longer exist are removed
 * (stale). Keys an editor's rename left behind stay: a former name still
 * names the same organization.
 */
export const rebuildOrganizationKeys = async (strapi: Core.Strapi): Promise<{ added: number; removed: number }> => {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TABLE))) return { added: 0, removed: 0 };
  const meta = strapi.db.metadata.get(UID.organization as never);
  const column = (attribute: string, fallback: string) =>
    (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? fallback;

  return strapi.db.transaction(async ({ trx }) => {
    const organizations = (await trx(meta.tableName).select({
      document_id: column('documentId', 'document_id'),
      name: column('name', 'name'),
      alternate_names: column('alternateNames', 'alternate_names'),
      previous_names: column('previousNames', 'previous_names'),
    })) as OrganizationNames[];
    const existing = new Set(organizations.map((row) => row.document_id));
    const indexed = (await trx(TABLE).select('name_key', 'document_id')) as { name_key: string; document_id: string }[];
    const known = new Set(indexed.map((row) => row.name_key));

    const stale = indexed.filter((row) => !existing.has(row.document_id)).map((row) => row.name_key);
    const freed = new Set(stale);
    for (let start = 0; start < stale.length; start += 500) await trx(TABLE).whereIn('name_key', stale.slice(start, start + 500)).delete();

    const missing = new Map<string, string>();
    for (const row of organizations) {
      for (const key of nameKeys([row.name, ...list(row.alternate_names), ...list(row.previous_names)])) {
        if ((!known.has(key) || freed.has(key)) && !missing.has(key)) missing.set(key, row.document_id);
      }
    }
    const rows = [...missing].map(([name_key, document_id]) => ({ name_key, document_id }));
    for (let start = 0; start < rows.length; start += 200) {
      await trx(TABLE).insert(rows.slice(start, start + 200)).onConflict('name_key').ignore();
    }
    return { added: rows.length, removed: stale.length };
  });
};
