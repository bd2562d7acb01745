/**
 * What the plugin's own tables have in common: written only by the plugin,
 * hidden from the Content Manager and the Content-Type Builder, no Draft &
 * Publish, and keyed to one document under the workflow.
 */
export const INTERNAL_CONTENT_TYPE = {
  kind: 'collectionType',
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
} as const;

export const TARGET_ATTRIBUTES = {
  targetUid: { type: 'string', required: true, configurable: false },
  targetDocumentId: { type: 'string', required: true, configurable: false },
} as const;
