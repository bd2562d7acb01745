/**
 * Stage 2 of the configuration check: the validated config against the loaded
 * content types. Pure (the model lookups are passed in), so it is unit-tested
 * without booting Strapi. Every problem is reported at once; any stops boot.
 */
import { configuredContentTypes, DEFAULT_CASCADE, type PluginConfig } from './schema';

export type AttributeLike = {
  type: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  relation?: string;
};

export type ModelLike = {
  kind?: string;
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, AttributeLike>;
};

export type ContentTypeSettings = {
  uid: string;
  fourEyes: boolean;
  embargoField: string | null;
  slugField: string | null;
  correctionsField: string | null;
};

/** One relation a publication follows: `attribute` (or `component`.`attribute`) → documents of `target`. */
export type CascadeStep = {
  path: string;
  component: string | null;
  attribute: string;
  target: string;
  owned: boolean;
};

export type Settings = {
  contentTypes: Record<string, ContentTypeSettings>;
  cascade: Record<string, CascadeStep[]>;
  scheduler: { enabled: boolean; rule: string };
};

export type ModelLookup = {
  contentType: (uid: string) => ModelLike | undefined;
  component: (uid: string) => ModelLike | undefined;
};

const DATE_TYPES = new Set(['datetime', 'date']);
const SLUG_TYPES = new Set(['uid', 'string']);

export class ConfigurationError extends Error {
  constructor(problems: string[]) {
    super(`invalid configuration in config/plugins.ts → 'editorial-workflow'.config: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

export const resolveSettings = (config: PluginConfig, models: ModelLookup): Settings => {
  const problems: string[] = [];
  const contentTypes: Record<string, ContentTypeSettings> = {};

  /** An explicitly configured field must exist with the right type; an absent one defaults when the type has it. */
  const field = (
    uid: string,
    model: ModelLike,
    option: string,
    configured: string | null | undefined,
    fallback: string,
    fits: (attribute: AttributeLike) => boolean,
    expected: string,
  ): string | null => {
    if (configured === null) return null;
    const name = configured ?? fallback;
    const attribute = model.attributes[name];
    if (attribute && fits(attribute)) return name;
    if (configured !== undefined) problems.push(`contentTypes["${uid}"].${option}: "${name}" is not ${expected} of ${uid}`);
    return null;
  };

  for (const [uid, options] of Object.entries(configuredContentTypes(config))) {
    const model = models.contentType(uid);
    if (!model) {
      problems.push(`contentTypes: "${uid}" is not a content type of this app`);
      continue;
    }
    if (model.kind !== 'collectionType') problems.push(`contentTypes: "${uid}" must be a collection type`);
    if (!model.options?.draftAndPublish) problems.push(`contentTypes: "${uid}" must have Draft & Publish enabled`);

    const isCorrections = (attribute: AttributeLike) => {
      if (attribute.type !== 'component' || !attribute.repeatable || !attribute.component) return false;
      return models.component(attribute.component)?.attributes.text !== undefined;
    };

    contentTypes[uid] = {
      uid,
      fourEyes: options.fourEyes ?? config.fourEyes ?? true,
      embargoField: field(uid, model, 'embargoField', options.embargoField, 'embargoedUntil', (a) => DATE_TYPES.has(a.type), 'a date/datetime attribute'),
      slugField: field(uid, model, 'slugField', options.slugField, 'slug', (a) => SLUG_TYPES.has(a.type), 'a uid/string attribute'),
      correctionsField: field(
        uid,
        model,
        'correctionsField',
        options.correctionsField,
        'corrections',
        isCorrections,
        'a repeatable component with a "text" attribute',
      ),
    };
  }

  const cascade: Record<string, CascadeStep[]> = {};
  for (const [uid, options] of Object.entries(config.cascade ?? DEFAULT_CASCADE)) {
    const model = models.contentType(uid);
    if (!model) {
      problems.push(`cascade: "${uid}" is not a content type of this app`);
      continue;
    }
    const steps: CascadeStep[] = [];
    const paths = [
      ...(options.owned ?? []).map((path) => ({ path, owned: true })),
      ...(options.references ?? []).map((path) => ({ path, owned: false })),
    ];
    for (const { path, owned } of paths) {
      const [first, second] = path.split('.');
      let attribute = model.attributes[first];
      let component: string | null = null;
      if (second !== undefined) {
        const componentModel = attribute?.type === 'component' && attribute.component ? models.component(attribute.component) : undefined;
        if (!componentModel) {
          problems.push(`cascade["${uid}"]: "${first}" is not a component attribute`);
          continue;
        }
        component = first;
        attribute = componentModel.attributes[second];
      }
      const target = attribute?.type === 'relation' ? attribute.target : undefined;
      const targetModel = target ? models.contentType(target) : undefined;
      if (!target || !targetModel) {
        problems.push(`cascade["${uid}"]: "${path}" is not a relation to a content type`);
        continue;
      }
      if (!targetModel.options?.draftAndPublish) {
        problems.push(`cascade["${uid}"]: "${path}" targets ${target}, which has no Draft & Publish`);
        continue;
      }
      steps.push({ path, component, attribute: second ?? first, target, owned });
    }
    cascade[uid] = steps;
  }

  if (problems.length) throw new ConfigurationError(problems);

  return {
    contentTypes,
    cascade,
    scheduler: { enabled: config.scheduler?.enabled ?? true, rule: config.scheduler?.rule ?? '0 * * * * *' },
  };
};
