import {
  milestoneFlags,
  type DatePrecision,
  type MilestoneStatus,
  type Verification,
} from '@ogp/common';
import { toLocalizedText, toPartialDate } from '../shared/graphql-types';
import type { MilestoneEntity } from './milestone.entity';
import type { Milestone } from './milestone.model';

/**
 * A milestone's progress as one viewer may see it (see `milestoneStateSql`): never read from the entity, whose
 * columns cache the latest update of any visibility.
 */
export interface MilestoneState {
  status: MilestoneStatus | null;
  progressPercent: number | null;
  actualStart: string | null;
  actualStartPrecision: DatePrecision | null;
  actualEnd: string | null;
  actualEndPrecision: DatePrecision | null;
  lastUpdateOn: string | null;
  verification: Verification;
  /** The version as the viewer may see it: reports hidden from them do not count. */
  version: number;
}

/**
 * The state the milestone's own columns cache: the latest update of any visibility. Right only for a viewer who
 * may see every update of the milestone (reviewers, administrators, the lead agency's coordinators).
 */
export function cachedState(entity: MilestoneEntity): MilestoneState {
  return {
    status: entity.status,
    progressPercent: entity.progressPercent,
    actualStart: entity.actualStart,
    actualStartPrecision: entity.actualStartPrecision,
    actualEnd: entity.actualEnd,
    actualEndPrecision: entity.actualEndPrecision,
    lastUpdateOn: entity.lastUpdateOn,
    verification: entity.verification,
    version: entity.version,
  };
}

/**
 * `on` is the date the flags are derived at (YYYY-MM-DD); `state` is the progress the viewer may see (reads
 * take it from `milestoneStateSql`; the cached one is only for viewers who see every update).
 */
export function toMilestone(
  entity: MilestoneEntity,
  on: string,
  state: MilestoneState = cachedState(entity),
): Milestone {
  const plannedEnd = toPartialDate(entity.plannedEnd, entity.plannedEndPrecision, 'end');
  return {
    id: entity.id,
    position: entity.position,
    title: toLocalizedText(entity.title),
    description: toLocalizedText(entity.description),
    plannedStart: toPartialDate(entity.plannedStart, entity.plannedStartPrecision, 'start'),
    plannedEnd,
    actualStart: toPartialDate(state.actualStart, state.actualStartPrecision, 'start'),
    actualEnd: toPartialDate(state.actualEnd, state.actualEndPrecision, 'end'),
    weight: Number(entity.weight),
    status: state.status,
    progressPercent: state.progressPercent,
    lastUpdateOn: state.lastUpdateOn,
    version: state.version,
    verification: state.verification,
    flags: milestoneFlags(
      {
        status: state.status,
        plannedEnd: plannedEnd && { start: plannedEnd.start, precision: plannedEnd.precision },
        lastUpdateOn: state.lastUpdateOn,
      },
      on,
    ),
    notes: toLocalizedText(entity.notes),
    commitmentId: entity.commitmentId,
  };
}
