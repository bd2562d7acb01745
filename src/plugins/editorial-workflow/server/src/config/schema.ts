/**
 * The plugin's configuration (config/plugins.ts → 'editorial-workflow'.config)
 * and its validation. Two stages, both stop boot with a clear message:
 *  1. shape, checked by yup when Strapi loads the plugin (`validator`, synchronous);
 *  2. meaning, checked in register() against the loaded content types (`resolveSettings`).
 */
import { yup } from '@strapi/utils';
import { DEFAULT_CONTENT_TYPES } from '../constants';

export type ContentTypeOptions = {
  /** Four-eyes on approve and publish_correction (default: the global `fourEyes`). */
  fourEyes?: boolean;
  /** Datetime attribute holding the embargo (default `embargoedUntil` when the type has it). */
  embargoField?: string | null;
  /** Attribute used to find withdrawn documents by slug (default `slug` when the type has it). */
  slugField?: string | null;
  /** Repeatable component {date, text} receiving public corrections (default `corrections` when the type has it). */
  correctionsField?: string | null;
};

export type CascadeOptions = {
  /** Relations whose documents are part of this one: published (again) with it, unpublished on withdrawal. */
  owned?: string[];
  /** Relations (or `component.relation`) to shared entities: published with it only if never published. */
  references?: string[];
};

export type PluginConfig = {
  /** uid → options; `false` leaves a type out. Absent: Article and Quote. */
  contentTypes?: Record<string, ContentTypeOptions | false>;
  fourEyes?: boolean;
  /** What a publication takes along, per content type (followed transitively). */
  cascade?: Record<string, CascadeOptions>;
  scheduler?: { enabled?: boolean; rule?: string };
};

export const DEFAULT_CASCADE: Record<string, CascadeOptions> = {
  'api::article.article': {
    owned: ['quotes'],
    references: ['people', 'organizations', 'sanctionRecords', 'sourceAgency', 'credits.organization'],
  },
  'api::quote.quote': { references: ['speaker', 'speakerOrganization'] },
  'api::expert.expert': { references: ['affiliation'] },
  'api::sanction-record.sanction-record': { references: ['organization', 'authority'] },
};

/** Plugin defaults. Maps (contentTypes, cascade) have none here: Strapi deep-merges defaults into the user's config. */
export const defaultConfig: PluginConfig = {
  fourEyes: true,
  scheduler: { enabled: true, rule: '0 * * * * *' },
};

const UID_PATTERN = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
const ATTRIBUTE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const FIELD = yup.string().nullable().matches(/^[A-Za-z_][A-Za-z0-9_]*$/, '${path} must be an attribute name');

const contentTypeOptionsSchema = yup
  .object({ fourEyes: yup.boolean(), embargoField: FIELD, slugField: FIELD, correctionsField: FIELD })
  .noUnknown(true, '${path} has unknown option(s): ${unknown}');

const cascadeOptionsSchema = yup
  .object({
    owned: yup.array().of(yup.string().required().matches(ATTRIBUTE_PATH, '${path} must be an attribute or component.attribute')),
    references: yup.array().of(yup.string().required().matches(ATTRIBUTE_PATH, '${path} must be an attribute or component.attribute')),
  })
  .noUnknown(true, '${path} has unknown option(s): ${unknown}');

/** An object whose keys are content-type uids and whose values follow `valueSchema`. */
const uidMap = (valueSchema: (value: unknown) => yup.AnySchema) =>
  yup.lazy((value: unknown) =>
    value === undefined
      ? yup.mixed().optional()
      : yup
          .object(Object.fromEntries(Object.keys(typeof value === 'object' && value ? value : {}).map((key) => [key, yup.lazy(valueSchema)])))
          .test('uid-keys', '${path} keys must be content-type uids like "api::article.article"', (map) =>
            Object.keys(map ?? {}).every((key) => UID_PATTERN.test(key)),
          ),
  );

export const configSchema = yup
  .object({
    contentTypes: uidMap((value) => (value === false ? yup.boolean() : contentTypeOptionsSchema.required())),
    fourEyes: yup.boolean(),
    cascade: uidMap(() => cascadeOptionsSchema.required()),
    scheduler: yup
      .object({ enabled: yup.boolean(), rule: yup.string().min(1) })
      .noUnknown(true, '${path} has unknown option(s): ${unknown}'),
  })
  .noUnknown(true, 'unknown option(s): ${unknown}');

/**
 * Strapi calls this synchronously while loading plugins and prefixes a thrown
 * message with "Error regarding editorial-workflow config:".
 */
export const validateConfig = (config: unknown): void => {
  try {
    configSchema.validateSync(config, { strict: true, abortEarly: false });
  } catch (error) {
    if (error instanceof yup.ValidationError) {
      throw new Error(`invalid configuration in config/plugins.ts → 'editorial-workflow'.config: ${error.errors.join('; ')}`);
    }
    throw error;
  }
};

/** The configured content types with their options (defaults applied for shape only). */
export const configuredContentTypes = (config: PluginConfig): Record<string, ContentTypeOptions> => {
  const source = config.contentTypes ?? Object.fromEntries(DEFAULT_CONTENT_TYPES.map((uid) => [uid, {}]));
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, ContentTypeOptions] => entry[1] !== false),
  );
};

export default { default: defaultConfig, validator: validateConfig };
