import type { Core } from '@strapi/strapi';
import { ownStoryCondition } from './own-story';

type ConditionProvider = { registerMany(conditions: unknown[]): Promise<unknown> };

/** Register the plugin's admin permission conditions (only possible during bootstrap). */
export const registerConditions = async (strapi: Core.Strapi): Promise<void> => {
  const { conditionProvider } = strapi.service('admin::permission') as unknown as { conditionProvider: ConditionProvider };
  await conditionProvider.registerMany([ownStoryCondition(strapi)]);
};
