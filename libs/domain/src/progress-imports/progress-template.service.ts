import { Injectable } from '@nestjs/common';
import { DatePrecision, MilestoneStatus, Role, errorMessage, type Locale } from '@ogp/common';
import { DomainException, ErrorCode, requireSignedIn, type Actor } from '@ogp/core';
import { DataSource } from 'typeorm';
import { PlansService } from '../plans';
import { toPartialDate } from '../shared/graphql-types';
import { writeProgressTemplate, type TemplateMilestone } from './progress-template';

/** A template ready to send. */
export interface ProgressTemplateFile {
  fileName: string;
  body: Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TemplateRow {
  id: string;
  position: number;
  version: number;
  ogp_id: string;
  title_da: string | null;
  title_en: string | null;
  planned_end: string | null;
  planned_end_precision: DatePrecision | null;
  status: MilestoneStatus | null;
  progress_percent: number | null;
  actual_start: string | null;
  actual_start_precision: DatePrecision | null;
  actual_end: string | null;
  actual_end_precision: DatePrecision | null;
}

/**
 * The progress template of a plan: the milestones of one agency's commitments (those it leads), or of every
 * commitment for an administrator who names no agency. Coordinators of the agency, reviewers and
 * administrators may download it; the plan must be one they may read.
 */
@Injectable()
export class ProgressTemplateService {
  constructor(
    private readonly db: DataSource,
    private readonly plans: PlansService,
  ) {}

  async template(
    actor: Actor,
    slug: string,
    options: { agency: string | null; locale: Locale },
  ): Promise<ProgressTemplateFile> {
    const user = requireSignedIn(actor);
    const plan = await this.plans.bySlug(actor, slug);
    const agency =
      options.agency === null ? null : await this.agency(options.agency, options.locale);
    const staff = user.roles.has(Role.ADMIN) || user.roles.has(Role.REVIEWER);
    if (agency === null && !user.roles.has(Role.ADMIN)) {
      throw DomainException.badInput('agency', errorMessage('progressImport.agencyRequired'));
    }
    if (
      agency !== null &&
      !staff &&
      !(user.roles.has(Role.COORDINATOR) && user.agencyIds.has(agency.id))
    ) {
      throw new DomainException(ErrorCode.FORBIDDEN, errorMessage('progressImport.templateAgency'));
    }
    const rows: TemplateRow[] = await this.db.query(
      `SELECT m.id, m.position, m.version, c.ogp_id, m.title_da, m.title_en,
              m.planned_end::text, m.planned_end_precision, m.status, m.progress_percent,
              m.actual_start::text, m.actual_start_precision, m.actual_end::text, m.actual_end_precision
       FROM milestone m
       JOIN commitment c ON c.id = m.commitment_id
       LEFT JOIN commitment_agency lead ON lead.commitment_id = c.id AND lead.role = 'LEAD'
       WHERE c.action_plan_id = $1 AND m.archived_at IS NULL AND c.archived_at IS NULL
         AND ($2::uuid IS NULL OR lead.agency_id = $2)
       ORDER BY c.position, c.ogp_id, m.position`,
      [plan.id, agency?.id ?? null],
    );
    const milestones: TemplateMilestone[] = rows.map((row) => ({
      ogpId: row.ogp_id,
      milestoneNumber: row.position,
      milestoneId: row.id,
      version: row.version,
      title:
        options.locale === 'da' ? (row.title_da ?? row.title_en) : (row.title_en ?? row.title_da),
      plannedEnd: toPartialDate(row.planned_end, row.planned_end_precision, 'end')?.label ?? null,
      status: row.status,
      progressPercent: row.progress_percent,
      actualStart:
        toPartialDate(row.actual_start, row.actual_start_precision, 'start')?.label ?? null,
      actualEnd: toPartialDate(row.actual_end, row.actual_end_precision, 'end')?.label ?? null,
    }));
    const body = await writeProgressTemplate(milestones, options.locale, {
      plan: plan.slug,
      agency: agency?.name ?? null,
    });
    return {
      fileName: `${plan.slug}-progress-${agency?.slug ?? 'all'}-${options.locale}.xlsx`,
      body,
    };
  }

  /** An agency by its id or slug; NOT_FOUND otherwise. */
  private async agency(
    key: string,
    locale: Locale,
  ): Promise<{ id: string; slug: string; name: string }> {
    const names = locale === 'da' ? 'name_da, name_en' : 'name_en, name_da';
    const rows: { id: string; slug: string; name: string }[] = await this.db.query(
      `SELECT id, slug, COALESCE(${names}, slug) AS name FROM agency
       WHERE ${UUID.test(key) ? 'id = $1::uuid' : 'slug = $1'}`,
      [key],
    );
    if (rows.length === 0) throw DomainException.notFound('agency', 'agency', key);
    return rows[0];
  }
}
