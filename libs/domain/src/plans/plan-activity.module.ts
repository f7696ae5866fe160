import { Module } from '@nestjs/common';
import { PlansReadModule } from '../plans-read.module';
import { PlanActivityResolver } from './plan-activity.resolver';

/** The planActivity subscription; PLAN_EVENTS comes from the global EventsModule of @ogp/core. */
@Module({ imports: [PlansReadModule], providers: [PlanActivityResolver] })
export class PlanActivityModule {}
