import type { Core } from '@strapi/strapi';
import type { NewsroomUid } from '../../domain/constants';

type Data = Record<string, unknown>;

/**
 * The importer's one boundary with the document service's typed parameters.
 * Import data is assembled field by field from a bundle and checked where it is
 * written (Strapi's entity validator and the domain schemas of the validation
 * middleware), not typed per content type here: the conversion happens once,
 * in this file, instead of a cast at every call.
 */
export const importDocuments = (strapi: Core.Strapi, uid: NewsroomUid) => {
  const service = strapi.documents(uid);
  type Params<K extends 'findFirst' | 'create' | 'update'> = Parameters<(typeof service)[K]>[0];
  return {
    findDraft: (filters: Data, populate?: Data) => service.findFirst({ filters, status: 'draft', populate } as Params<'findFirst'>),
    create: (data: Data) => service.create({ data } as Params<'create'>),
    update: (documentId: string, data: Data) => service.update({ documentId, data } as Params<'update'>),
  };
};
