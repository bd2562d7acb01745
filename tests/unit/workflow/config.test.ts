import pluginsConfig from '../../../config/plugins';
import { validateConfig, type PluginConfig } from '../../../src/plugins/editorial-workflow/server/src/config/schema';
import { resolveSettings, type ModelLike, type ModelLookup } from '../../../src/plugins/editorial-workflow/server/src/config/settings';

/** Configuration checks: the shape (yup, at plugin load) and the meaning (against the content types, at register). */

const fakeEnv = Object.assign((_key: string, fallback?: string) => fallback, {
  bool: (_key: string, fallback?: boolean) => fallback,
  int: (_key: string, fallback?: number) => fallback,
});

const appConfig = (): PluginConfig =>
  (pluginsConfig as unknown as (ctx: { env: typeof fakeEnv }) => Record<string, { config: PluginConfig }>)({ env: fakeEnv })['editorial-workflow'].config;

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('Given the shape of the configuration (yup, when Strapi loads the plugin)', () => {
  it('when the app’s own config/plugins.ts entry is checked, then it is valid', () => {
    expect(() => validateConfig(appConfig())).not.toThrow();
  });

  it('when nothing is configured, then the defaults are valid', () => {
    expect(() => validateConfig({})).not.toThrow();
  });

  it('when an option is misspelled, then the message names it', () => {
    expect(messageOf(() => validateConfig({ contentType: {} }))).toMatch(/unknown option\(s\): contentType/);
  });

  it('when a value has the wrong type, then the message names its path', () => {
    const message = messageOf(() => validateConfig({ contentTypes: { 'api::article.article': { fourEyes: 'sometimes' as unknown as boolean } } }));
    expect(message).toContain('editorial-workflow');
    expect(message).toContain('["api::article.article"].fourEyes');
  });

  it('when a content-type key is not a uid, then it is refused', () => {
    expect(messageOf(() => validateConfig({ contentTypes: { article: {} } }))).toContain('keys must be content-type uids');
  });

  it('when a cascade path or a scheduler option is malformed, then it is refused', () => {
    expect(messageOf(() => validateConfig({ cascade: { 'api::article.article': { owned: ['quotes..x'] } } }))).toContain('component.attribute');
    expect(messageOf(() => validateConfig({ scheduler: { every: 5 } as never }))).toContain('unknown option(s): every');
  });

  it('when a type is set to false, then that is valid (the type is left out)', () => {
    expect(() => validateConfig({ contentTypes: { 'api::article.article': {}, 'api::quote.quote': false } })).not.toThrow();
  });
});

describe('Given the meaning of the configuration (against the loaded content types)', () => {
  const article: ModelLike = {
    kind: 'collectionType',
    options: { draftAndPublish: true },
    attributes: {
      headline: { type: 'string' },
      slug: { type: 'uid' },
      embargoedUntil: { type: 'datetime' },
      corrections: { type: 'component', repeatable: true, component: 'newsroom.correction' },
      credits: { type: 'component', repeatable: true, component: 'newsroom.credit' },
      quotes: { type: 'relation', relation: 'oneToMany', target: 'api::quote.quote' },
    },
  };
  const quote: ModelLike = { kind: 'collectionType', options: { draftAndPublish: true }, attributes: { text: { type: 'text' } } };
  const single: ModelLike = { kind: 'singleType', options: { draftAndPublish: false }, attributes: {} };
  const org: ModelLike = { kind: 'collectionType', options: { draftAndPublish: true }, attributes: {} };
  const models: ModelLookup = {
    contentType: (uid) => ({ 'api::article.article': article, 'api::quote.quote': quote, 'api::home.home': single, 'api::organization.organization': org })[uid],
    component: (uid) =>
      ({
        'newsroom.correction': { attributes: { date: { type: 'datetime' }, text: { type: 'text' } } },
        'newsroom.credit': { attributes: { organization: { type: 'relation', relation: 'oneToOne', target: 'api::organization.organization' } } },
      })[uid] as ModelLike | undefined,
  };

  it('when the defaults apply, then Article and Quote are under the workflow and the article’s fields are found', () => {
    const settings = resolveSettings({ cascade: {} }, models);
    expect(Object.keys(settings.contentTypes)).toEqual(['api::article.article', 'api::quote.quote']);
    expect(settings.contentTypes['api::article.article']).toEqual({
      uid: 'api::article.article',
      fourEyes: true,
      embargoField: 'embargoedUntil',
      slugField: 'slug',
      correctionsField: 'corrections',
    });
    expect(settings.contentTypes['api::quote.quote']).toMatchObject({ embargoField: null, slugField: null, correctionsField: null });
  });

  it('when a type is unknown, is single or lacks Draft & Publish, then boot is refused with every problem listed', () => {
    const message = messageOf(() => resolveSettings({ contentTypes: { 'api::nope.nope': {}, 'api::home.home': {} }, cascade: {} }, models));
    expect(message).toContain('"api::nope.nope" is not a content type');
    expect(message).toContain('"api::home.home" must be a collection type');
    expect(message).toContain('"api::home.home" must have Draft & Publish enabled');
  });

  it('when an explicitly named field does not fit, then boot is refused', () => {
    const message = messageOf(() =>
      resolveSettings({ contentTypes: { 'api::article.article': { embargoField: 'headline', correctionsField: 'credits' } }, cascade: {} }, models),
    );
    expect(message).toContain('embargoField: "headline" is not a date/datetime attribute');
    expect(message).toContain('correctionsField: "credits" is not a repeatable component');
  });

  it('when a cascade path is not a relation, then boot is refused; a component relation path is accepted', () => {
    expect(messageOf(() => resolveSettings({ cascade: { 'api::article.article': { references: ['headline'] } } }, models))).toContain(
      '"headline" is not a relation',
    );
    const settings = resolveSettings({ cascade: { 'api::article.article': { owned: ['quotes'], references: ['credits.organization'] } } }, models);
    expect(settings.cascade['api::article.article']).toEqual([
      { path: 'quotes', component: null, attribute: 'quotes', target: 'api::quote.quote', owned: true },
      { path: 'credits.organization', component: 'credits', attribute: 'organization', target: 'api::organization.organization', owned: false },
    ]);
  });

  it('when four-eyes is switched off globally but on for one type, then the type’s setting wins', () => {
    const settings = resolveSettings({ fourEyes: false, contentTypes: { 'api::article.article': { fourEyes: true }, 'api::quote.quote': {} }, cascade: {} }, models);
    expect(settings.contentTypes['api::article.article'].fourEyes).toBe(true);
    expect(settings.contentTypes['api::quote.quote'].fourEyes).toBe(false);
  });
});
