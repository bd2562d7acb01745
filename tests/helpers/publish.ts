import type { Core } from '@strapi/strapi';

/**
 * How tests (and seeding) get past the editorial workflow's publish gate —
 * kept in this one place. If the `editorial-workflow` plugin is loaded, its
 * `workflow.withGateBypass(fn)` runs `fn` with the gate open (documents
 * published that way have no workflow row and read as `published`); without
 * the plugin, writes go straight through.
 */
type Bypass = <T>(fn: () => Promise<T>) => Promise<T>;

const gateBypass = (strapi: Core.Strapi): Bypass | null => {
  try {
    const service = strapi.plugin('editorial-workflow')?.service('workflow') as { withGateBypass?: Bypass } | undefined;
    return typeof service?.withGateBypass === 'function' ? service.withGateBypass.bind(service) : null;
  } catch {
    return null;
  }
};

/** Run any document-service writes in `fn` with the publish gate open. */
export const withPublishGateBypass = <T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<T> => {
  const bypass = gateBypass(strapi);
  return bypass ? bypass(fn) : fn();
};

type Doc = Record<string, any> & { id: number; documentId: string };

/** Create a published document. */
export const publishForTest = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>): Promise<Doc> =>
  withPublishGateBypass(strapi, () => strapi.documents(uid as any).create({ data: data as any, status: 'published' }) as Promise<Doc>);

/** Update and republish (a correction). */
export const republishForTest = (strapi: Core.Strapi, uid: string, documentId: string, data: Record<string, unknown>): Promise<Doc> =>
  withPublishGateBypass(strapi, () => strapi.documents(uid as any).update({ documentId, data: data as any, status: 'published' }) as Promise<Doc>);
