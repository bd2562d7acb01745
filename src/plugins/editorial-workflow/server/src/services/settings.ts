import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MESSAGES, PLUGIN_ID } from '../constants';
import type { PluginConfig } from '../config/schema';
import { resolveSettings, type ContentTypeSettings, type ModelLike, type Settings } from '../config/settings';

export type SettingsService = {
  /** Resolve (and check) the configuration against the loaded content types; throws on a bad one. */
  load(): Settings;
  get(): Settings;
  isUnderWorkflow(uid: string): boolean;
  /** The settings of a content type under the workflow; 404 otherwise. */
  require(uid: string): ContentTypeSettings;
  uids(): string[];
};

export default ({ strapi }: { strapi: Core.Strapi }): SettingsService => {
  let settings: Settings | null = null;

  const service: SettingsService = {
    load() {
      const config = (strapi.config.get(`plugin::${PLUGIN_ID}`) ?? {}) as PluginConfig;
      settings = resolveSettings(config, {
        contentType: (uid) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as unknown as ModelLike | undefined,
        component: (uid) => strapi.components[uid as keyof typeof strapi.components] as unknown as ModelLike | undefined,
      });
      return settings;
    },
    get() {
      return settings ?? service.load();
    },
    isUnderWorkflow(uid) {
      return Object.prototype.hasOwnProperty.call(service.get().contentTypes, uid);
    },
    require(uid) {
      const found = service.get().contentTypes[uid];
      if (!found) throw new errors.NotFoundError(MESSAGES.notUnderWorkflow(uid));
      return found;
    },
    uids() {
      return Object.keys(service.get().contentTypes);
    },
  };
  return service;
};
