import type { Core } from '@strapi/strapi';
import { FIELD_TEXT, HIDDEN_IN_EDIT_VIEW, LABEL_MAIN_FIELD, type FieldText } from './fields';

type EditMetadata = { label?: string; description?: string; visible?: boolean; editable?: boolean; mainField?: string };
type ListMetadata = { label?: string };
type LayoutField = { name: string; size: number };
type Configuration = {
  settings: { mainField?: string } & Record<string, unknown>;
  metadatas: Record<string, { edit?: EditMetadata; list?: ListMetadata }>;
  layouts: { edit?: LayoutField[][]; list?: string[] } & Record<string, unknown>;
};
type Model = { uid: string; attributes: Record<string, { type: string; target?: string }> };
type ConfigService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
};

/** Strapi's default for a field nobody configured: the attribute name as label, no hint. */
const isDefaultLabel = (value: string | undefined, name: string) => !value || value === name;

/**
 * The content manager's view of one type, brought in line with fields.ts:
 * human labels and hints where Strapi's defaults still stand, the stored label
 * as mainField (for the type and for every relation pointing at it), generated
 * fields out of the edit layout. Pure: returns the new configuration.
 */
export const configureView = (model: Model, current: Configuration): Configuration => {
  const texts: Record<string, FieldText> = FIELD_TEXT[model.uid] ?? {};
  const hidden = new Set(HIDDEN_IN_EDIT_VIEW[model.uid] ?? []);
  const metadatas: Configuration['metadatas'] = { ...current.metadatas };

  for (const [name, attribute] of Object.entries(model.attributes)) {
    const meta = metadatas[name];
    if (!meta) continue;
    const edit: EditMetadata = { ...meta.edit };
    const list: ListMetadata = { ...meta.list };
    const text = texts[name];
    if (text && isDefaultLabel(edit.label, name)) edit.label = text[0];
    if (text && !edit.description) edit.description = text[1];
    if (text && isDefaultLabel(list.label, name)) list.label = text[0];
    if (hidden.has(name)) Object.assign(edit, { visible: false, editable: false });
    const targetMainField = attribute.type === 'relation' && attribute.target ? LABEL_MAIN_FIELD[attribute.target] : undefined;
    if (targetMainField) edit.mainField = targetMainField;
    metadatas[name] = { ...meta, edit, list };
  }

  const mainField = LABEL_MAIN_FIELD[model.uid];
  const layouts = { ...current.layouts };
  if (hidden.size && layouts.edit) {
    layouts.edit = layouts.edit.map((row) => row.filter((field) => !hidden.has(field.name))).filter((row) => row.length > 0);
  }
  return { ...current, settings: { ...current.settings, ...(mainField ? { mainField } : {}) }, metadatas, layouts };
};

/** At boot, after the content manager synced its configurations: apply configureView to every newsroom type and component. */
export const configureContentManager = async (strapi: Core.Strapi): Promise<void> => {
  const contentManager = strapi.plugin('content-manager');
  const targets: [ConfigService, Model][] = [
    ...Object.keys(FIELD_TEXT)
      .filter((uid) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes])
      .map((uid) => [contentManager.service('content-types'), strapi.contentTypes[uid as keyof typeof strapi.contentTypes]] as [ConfigService, Model]),
    ...Object.keys(FIELD_TEXT)
      .filter((uid) => strapi.components[uid as keyof typeof strapi.components])
      .map((uid) => [contentManager.service('components'), strapi.components[uid as keyof typeof strapi.components]] as [ConfigService, Model]),
  ];
  for (const [service, model] of targets) {
    const current = await service.findConfiguration(model);
    await service.updateConfiguration(model, configureView(model, current));
  }
};
