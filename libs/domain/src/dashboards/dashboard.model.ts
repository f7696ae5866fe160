import { MilestoneStatus } from '@ogp/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Agency } from '../agencies';
import { Milestone } from '../milestones';
import { ActionPlan } from '../plans';
import { Theme } from '../themes';
import { Progress } from './progress.model';

@ObjectType({ description: "A theme's roll-up." })
export class ThemeProgress {
  @Field(() => Theme, { description: 'The theme.' })
  theme: Theme;

  @Field(() => Progress, { description: 'Its progress.' })
  progress: Progress;
}

@ObjectType({ description: "An agency's roll-up over the commitments it leads." })
export class AgencyProgress {
  @Field(() => Agency, { description: 'The lead agency.' })
  agency: Agency;

  @Field(() => Progress, { description: 'Its progress.' })
  progress: Progress;
}

@ObjectType({ description: 'How many milestones have one status.' })
export class StatusCount {
  @Field(() => MilestoneStatus, {
    nullable: true,
    description: 'The status; null = never reported (no data).',
  })
  status: MilestoneStatus | null;

  @Field(() => Int, { description: 'Milestones with it.' })
  count: number;
}

@ObjectType({
  description: 'One month of the burn-up: milestones planned to end and actually completed.',
})
export class TimelinePoint {
  @Field({ description: 'The month (YYYY-MM).' })
  month: string;

  @Field(() => Int, { description: 'Milestones whose planned end falls in this month.' })
  planned: number;

  @Field(() => Int, { description: 'Milestones completed in this month.' })
  completed: number;

  @Field(() => Int, { description: 'Milestones planned to end by the end of this month.' })
  plannedCumulative: number;

  @Field(() => Int, { description: 'Milestones completed by the end of this month.' })
  completedCumulative: number;
}

@ObjectType({
  description: "A plan's progress at a glance: every figure follows the roll-up rules.",
})
export class Dashboard {
  @Field(() => ActionPlan, { description: 'The plan.' })
  plan: ActionPlan;

  @Field({
    description:
      'The date the figures and flags hold for (YYYY-MM-DD): the asked asOf, else today.',
  })
  asOf: string;

  @Field(() => Progress, { description: 'The whole plan.' })
  overall: Progress;

  @Field(() => [ThemeProgress], { description: 'Per theme, in theme order.' })
  byTheme: ThemeProgress[];

  @Field(() => [AgencyProgress], { description: 'Per lead agency, by name.' })
  byAgency: AgencyProgress[];

  @Field(() => [StatusCount], { description: 'Milestones per status, no data first.' })
  statusDistribution: StatusCount[];

  @Field(() => [TimelinePoint], { description: 'Planned vs completed milestones per month.' })
  timeline: TimelinePoint[];

  @Field(() => Int, {
    description:
      'Completed milestones whose completion date no source gives, so they are not in the timeline.',
  })
  undatedCompletions: number;

  @Field(() => [Milestone], {
    description: 'Milestones overdue on asOf, earliest planned end first.',
  })
  overdue: Milestone[];

  @Field({ description: 'The roll-up rules in words, in the asked language.' })
  rules: string;
}
