import type { DatePrecision, MilestoneStatus, Verification } from '@ogp/common';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from './milestone.entity';
import type { Milestone } from './milestone.model';
import { toMilestone, type MilestoneState } from './milestone.mapper';
import type { ReadScope } from '../shared/read-scope';
import {
  asOfOptions,
  asOfParameters,
  MILESTONE_STATE,
  milestoneStateSql,
} from './milestone-state.sql';

/* Milestones read through the viewer's milestone state (milestone-state.sql.ts), mapped to the public model. */

const STATE_COLUMNS = [
  'status',
  'progress_percent',
  'actual_start',
  'actual_start_precision',
  'actual_end',
  'actual_end_precision',
  'last_update_on',
  'verification',
  'version',
] as const;

interface MilestoneStateRow {
  m_id: string;
  s_status: MilestoneStatus | null;
  s_progress_percent: number | null;
  s_actual_start: string | null;
  s_actual_start_precision: DatePrecision | null;
  s_actual_end: string | null;
  s_actual_end_precision: DatePrecision | null;
  s_last_update_on: string | null;
  s_verification: Verification;
  /** The version the viewer sees; COUNT makes it a bigint, which pg returns as a string. */
  s_version: string | number;
}

/**
 * Milestones `m`, with their commitment `c` and the viewer's state `s` (see `milestoneStateSql`), of the
 * milestones `where` chooses (a condition on `m` and `c`), as of the end of day `asOf` when given (YYYY-MM-DD;
 * it sets the parameter `asOf`). Narrow and order it, then run it with `readMilestones`.
 */
export function milestonesWithState(
  db: DataSource | EntityManager,
  scope: ReadScope,
  where: string,
  parameters: Record<string, unknown>,
  asOf: string | null = null,
): SelectQueryBuilder<MilestoneEntity> {
  const query = db
    .getRepository(MilestoneEntity)
    .createQueryBuilder('m')
    .addCommonTableExpression(milestoneStateSql(scope, where, asOfOptions(asOf)), MILESTONE_STATE)
    .innerJoin(MILESTONE_STATE, 's', 's.milestone_id = m.id')
    .innerJoin(CommitmentEntity, 'c', 'c.id = m.commitment_id')
    .setParameters({ ...scope.parameters, ...asOfParameters(asOf), ...parameters });
  for (const column of STATE_COLUMNS) query.addSelect(`s.${column}`, `s_${column}`);
  return query;
}

/**
 * Runs a `milestonesWithState` query: its milestones in order, each in the state the viewer may see, with flags
 * derived at `on`; `asOf` (the date the query was made for, or null) is carried on each for its fields.
 */
export async function readMilestones(
  query: SelectQueryBuilder<MilestoneEntity>,
  on: string,
  asOf: string | null = null,
): Promise<Milestone[]> {
  const { entities, raw } = await query.getRawAndEntities<MilestoneStateRow>();
  const states = new Map(raw.map((row) => [row.m_id, row]));
  return entities.map((entity) => ({
    ...toMilestone(entity, on, stateOf(states.get(entity.id)!)),
    asOf,
  }));
}

function stateOf(row: MilestoneStateRow): MilestoneState {
  return {
    status: row.s_status,
    progressPercent: row.s_progress_percent,
    actualStart: row.s_actual_start,
    actualStartPrecision: row.s_actual_start_precision,
    actualEnd: row.s_actual_end,
    actualEndPrecision: row.s_actual_end_precision,
    lastUpdateOn: row.s_last_update_on,
    verification: row.s_verification,
    version: Number(row.s_version),
  };
}
