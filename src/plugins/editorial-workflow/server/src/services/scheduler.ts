import type { Core } from '@strapi/strapi';
import { SCHEDULER_JOB } from '../constants';
import { getService } from '../utils/db';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';

export type SchedulerService = {
  /** Add the cron job that publishes approved documents whose scheduled time (≥ embargo) has come. */
  register(): void;
};

export default ({ strapi }: { strapi: Core.Strapi }): SchedulerService => ({
  register() {
    const { scheduler } = getService<SettingsService>(strapi, 'settings').get();
    if (!scheduler.enabled) return;
    let running = false;
    strapi.cron.add({
      [SCHEDULER_JOB]: {
        task: async () => {
          // One run at a time per process; several instances are safe anyway (compare-and-set transitions).
          if (running) return;
          running = true;
          try {
            await getService<WorkflowService>(strapi, 'workflow').publishDue(new Date());
          } finally {
            running = false;
          }
        },
        options: { rule: scheduler.rule },
      },
    });
  },
});
