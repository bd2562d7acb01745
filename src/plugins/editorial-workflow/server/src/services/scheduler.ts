import type { Core } from '@strapi/strapi';
import { SCHEDULER_JOB, STATE_UID } from '../constants';
import { getService, query } from '../utils/db';
import type { SettingsService } from './settings';
import type { WorkflowService } from './workflow';

type PublishDueResult = Awaited<ReturnType<WorkflowService['publishDue']>>;

export type SchedulerService = {
  /** Add the cron job that publishes approved documents whose scheduled time (≥ embargo) has come. */
  register(): void;
  /** One run of that job (what the cron job calls): publish what is due and this instance claims. */
  tick(now?: Date | string): Promise<PublishDueResult>;
};

type Knex = ((table: string) => KnexQuery) & Record<string, unknown>;
type KnexQuery = { where(column: string, value: unknown): KnexQuery; forUpdate(): KnexQuery; skipLocked(): KnexQuery; select(column: string): Promise<unknown[]> };

/**
 * Claim one due scheduled publication in the database, then run `publish` in
 * the same transaction (the transition's own transaction joins it). Every
 * instance runs the scheduler; the claim makes each scheduled publication
 * happen once across all of them, with the losers doing nothing (no failed
 * attempt, no warning):
 *  - PostgreSQL: the state row is locked `FOR UPDATE SKIP LOCKED`: a row another
 *    instance is publishing is skipped, not waited for;
 *  - SQLite: the transaction begins with BEGIN IMMEDIATE (src/database/commit-failures.ts),
 *    so writers on the file run one at a time.
 * Under the claim, the row is read again: a schedule another instance already
 * carried out (or an editor unscheduled) is no longer approved and due.
 * Returns false when this instance did not claim it.
 */
export const claimScheduled = async (strapi: Core.Strapi, rowId: number, now: Date, publish: () => Promise<unknown>): Promise<boolean> =>
  strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      const { tableName } = strapi.db.metadata.get(STATE_UID as never);
      const locked = await (trx as unknown as Knex)(tableName).where('id', rowId).forUpdate().skipLocked().select('id');
      if (!locked.length) return false;
    }
    const due = await query(strapi, STATE_UID).findOne({
      where: { id: rowId, state: 'approved', legalHold: false, scheduledPublishAt: { $notNull: true, $lte: now } },
      select: ['id'],
    });
    if (!due) return false;
    await publish();
    return true;
  });

export default ({ strapi }: { strapi: Core.Strapi }): SchedulerService => {
  // One run at a time per process (a slow run is not overlapped by the next minute's); across instances, the claim above.
  let running: Promise<PublishDueResult> | null = null;
  const tick: SchedulerService['tick'] = (now = new Date()) => {
    // A date, or its ISO string (a call from another process).
    running ??= getService<WorkflowService>(strapi, 'workflow')
      .publishDue(new Date(now))
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    tick,
    register() {
      const { scheduler } = getService<SettingsService>(strapi, 'settings').get();
      if (!scheduler.enabled) return;
      strapi.cron.add({
        [SCHEDULER_JOB]: {
          task: async () => {
            await tick(new Date());
          },
          options: { rule: scheduler.rule },
        },
      });
    },
  };
};
