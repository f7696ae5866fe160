import {
  milestoneFlags,
  type DatePrecision,
  type MilestoneStatus,
  type Verification,
} from '@ogp/common';
import { AgencyEntity } from '../agencies/agency.entity';
import type { Agency } from '../agencies/agency.model';
import { AssessmentEntity } from '../assessments/assessment.entity';
import type { Assessment } from '../assessments/assessment.model';
import { CommitmentEntity } from '../commitments/commitment.entity';
import type { Commitment } from '../commitments/commitment.model';
import { MilestoneEntity } from '../milestones/milestone.entity';
import type { Milestone } from '../milestones/milestone.model';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import type { ActionPlan } from '../plans/action-plan.model';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import type { StatusUpdate } from '../status-updates/status-update.model';
import { ThemeEntity } from '../themes/theme.entity';
import type { Theme } from '../themes/theme.model';
import { toPartialDate } from './graphql-types';

// Entities stay inside the domain; these build the public models, so internal columns never leak.

const localized = (text: { da: string | null; en: string | null }) => ({
  da: text.da,
  en: text.en,
});

export function toActionPlan(entity: ActionPlanEntity): ActionPlan {
  return {
    id: entity.id,
    slug: entity.slug,
    countryCode: entity.countryCode,
    title: localized(entity.title),
    description: localized(entity.description),
    actionPlanNumber: entity.actionPlanNumber,
    periodStart: toPartialDate(entity.periodStart, entity.periodStartPrecision, 'start'),
    periodEnd: toPartialDate(entity.periodEnd, entity.periodEndPrecision, 'end'),
    publishedOn: entity.publishedOn,
    isSynthetic: entity.isSynthetic,
    notes: localized(entity.notes),
    auditHeadHash: entity.auditHeadHash,
    coordinatingAgencyId: entity.coordinatingAgencyId,
  };
}

export function toTheme(entity: ThemeEntity): Theme {
  return {
    id: entity.id,
    key: entity.key,
    number: entity.number,
    title: localized(entity.title),
    actionPlanId: entity.actionPlanId,
  };
}

export function toAgency(entity: AgencyEntity): Agency {
  return {
    id: entity.id,
    slug: entity.slug,
    name: localized(entity.name),
    abbreviation: entity.abbreviation,
    parentId: entity.parentId,
  };
}

export function toCommitment(entity: CommitmentEntity): Commitment {
  return {
    id: entity.id,
    ogpId: entity.ogpId,
    number: entity.number,
    position: entity.position,
    title: localized(entity.title),
    description: localized(entity.description),
    ogpValues: entity.ogpValues,
    notes: localized(entity.notes),
    actionPlanId: entity.actionPlanId,
    themeId: entity.themeId,
  };
}

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
    title: localized(entity.title),
    description: localized(entity.description),
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
    notes: localized(entity.notes),
    commitmentId: entity.commitmentId,
  };
}

export function toStatusUpdate(entity: StatusUpdateEntity): StatusUpdate {
  return {
    id: entity.id,
    sequence: entity.sequence,
    status: entity.status,
    progressPercent: entity.progressPercent,
    effectiveDate: toPartialDate(entity.effectiveDate, entity.effectiveDatePrecision, 'end')!,
    effectiveDateKnown: entity.effectiveDateKnown,
    actualStart: toPartialDate(entity.actualStart, entity.actualStartPrecision, 'start'),
    actualEnd: toPartialDate(entity.actualEnd, entity.actualEndPrecision, 'end'),
    note: localized(entity.note),
    evidence: entity.evidence,
    visibility: entity.visibility,
    recordedAt: entity.recordedAt,
    recordedBy: entity.recordedByName,
    hash: entity.hash,
    milestoneId: entity.milestoneId,
  };
}

export function toAssessment(entity: AssessmentEntity): Assessment {
  return {
    id: entity.id,
    stage: entity.stage,
    assessor: entity.assessor,
    assessedOn: toPartialDate(entity.assessedOn, entity.assessedOnPrecision, 'end')!,
    source: { url: entity.sourceUrl, title: entity.sourceTitle, accessedOn: null },
    verifiable: entity.verifiable,
    specificity: entity.specificity,
    relevantOgpValues: entity.relevantOgpValues,
    potentialImpact: entity.potentialImpact,
    completion: entity.completion,
    didItOpenGovernment: entity.didItOpenGovernment,
    starred: entity.starred,
    potentiallyStarred: entity.potentiallyStarred,
    note: localized(entity.note),
  };
}
