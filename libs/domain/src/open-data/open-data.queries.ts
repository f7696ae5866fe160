import { DatePrecision, MilestoneStatus } from '@ogp/common';
import type { DataSource } from 'typeorm';
import { ReadScope } from '../shared/read-scope';

/** Bilingual text as read from a `<name>_da` / `<name>_en` column pair. */
export interface TextPair {
  da: string | null;
  en: string | null;
}

/** A published plan as the open data describes it. */
export interface OpenDataPlan {
  id: string;
  slug: string;
  countryCode: string;
  title: TextPair;
  description: TextPair;
  periodStart: string | null;
  periodEnd: string | null;
  publishedOn: string | null;
  coordinator: { slug: string; name: TextPair } | null;
  /** When the plan's data last changed: its latest public update or assessment, or its creation. */
  modifiedAt: Date;
}

/** One PUBLIC status update with what the feed says about its milestone and commitment. */
export interface FeedUpdate {
  id: string;
  status: MilestoneStatus;
  progressPercent: number | null;
  effectiveDate: string;
  effectiveDatePrecision: DatePrecision;
  effectiveDateKnown: boolean;
  note: TextPair;
  evidence: { url: string; title: string | null }[];
  recordedAt: Date;
  ogpId: string;
  commitmentNumber: string;
  commitmentTitle: TextPair;
  milestonePosition: number;
  milestoneTitle: TextPair;
  leadAgency: TextPair | null;
}

// What anyone may read: published plans, PUBLIC updates; never an INTERNAL one, whoever asks.
const PUBLIC = ReadScope.PUBLIC;

const PLAN_COLUMNS = `p.id, p.slug, p.country_code, p.title_da, p.title_en, p.description_da,
  p.description_en, p.period_start::text, p.period_end::text, p.published_on::text,
  a.slug AS coordinator_slug, a.name_da AS coordinator_da, a.name_en AS coordinator_en,
  GREATEST(p.created_at,
    (SELECT MAX(su.recorded_at) FROM status_update su
      WHERE su.action_plan_id = p.id AND su.visibility = 'PUBLIC'),
    (SELECT MAX(asm.recorded_at) FROM assessment asm WHERE asm.action_plan_id = p.id)) AS modified_at`;

/** The reads behind the Atom feed and the DCAT catalogue; the public's view only. */
export class OpenDataQueries {
  constructor(private readonly db: DataSource) {}

  /** Every published plan, in slug order. */
  async publishedPlans(): Promise<OpenDataPlan[]> {
    const rows: PlanRow[] = await this.db.query(
      `SELECT ${PLAN_COLUMNS}
       FROM action_plan p LEFT JOIN agency a ON a.id = p.coordinating_agency_id
       WHERE p.id IN (${PUBLIC.visiblePlanIdsSql()})
       ORDER BY p.slug`,
    );
    return rows.map(toPlan);
  }

  /** The published plan with this slug, or null (unknown and unpublished alike). */
  async publishedPlan(slug: string): Promise<OpenDataPlan | null> {
    const rows: PlanRow[] = await this.db.query(
      `SELECT ${PLAN_COLUMNS}
       FROM action_plan p LEFT JOIN agency a ON a.id = p.coordinating_agency_id
       WHERE p.slug = $1 AND p.id IN (${PUBLIC.visiblePlanIdsSql()})`,
      [slug],
    );
    return rows.length > 0 ? toPlan(rows[0]) : null;
  }

  /** How many PUBLIC updates the plan's current commitments and milestones have. */
  async countPublicUpdates(planId: string): Promise<number> {
    const [row]: { count: string }[] = await this.db.query(
      `SELECT COUNT(*) AS count ${PUBLIC_UPDATES}`,
      [planId],
    );
    return Number(row.count);
  }

  /**
   * The plan's latest PUBLIC updates, newest first: by when the tracker recorded them, then (for a history
   * loaded at once) by the date they took effect.
   */
  async latestPublicUpdates(planId: string, limit: number): Promise<FeedUpdate[]> {
    const rows: UpdateRow[] = await this.db.query(
      `SELECT su.id, su.status::text, su.progress_percent, su.effective_date::text,
         su.effective_date_precision::text, su.effective_date_known, su.note_da, su.note_en,
         su.evidence, su.recorded_at, c.ogp_id, c.number AS commitment_number,
         c.title_da AS commitment_da, c.title_en AS commitment_en, m.position,
         m.title_da AS milestone_da, m.title_en AS milestone_en,
         lead.name_da AS lead_da, lead.name_en AS lead_en
       ${PUBLIC_UPDATES}
       ORDER BY su.recorded_at DESC, su.effective_date DESC, su.sequence DESC
       LIMIT $2`,
      [planId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status as MilestoneStatus,
      progressPercent: r.progress_percent,
      effectiveDate: r.effective_date,
      effectiveDatePrecision: r.effective_date_precision as DatePrecision,
      effectiveDateKnown: r.effective_date_known,
      note: { da: r.note_da, en: r.note_en },
      evidence: (r.evidence ?? []).map((e) => ({ url: e.url, title: e.title ?? null })),
      recordedAt: new Date(r.recorded_at),
      ogpId: r.ogp_id,
      commitmentNumber: r.commitment_number,
      commitmentTitle: { da: r.commitment_da, en: r.commitment_en },
      milestonePosition: r.position,
      milestoneTitle: { da: r.milestone_da, en: r.milestone_en },
      leadAgency:
        r.lead_da === null && r.lead_en === null ? null : { da: r.lead_da, en: r.lead_en },
    }));
  }
}

// The updates of a plan's commitments and milestones that are not archived (an archived one has no page).
const PUBLIC_UPDATES = `FROM status_update su
  JOIN milestone m ON m.id = su.milestone_id AND m.archived_at IS NULL
  JOIN commitment c ON c.id = m.commitment_id AND c.archived_at IS NULL
  LEFT JOIN commitment_agency ca ON ca.commitment_id = c.id AND ca.role = 'LEAD'
  LEFT JOIN agency lead ON lead.id = ca.agency_id
  WHERE su.action_plan_id = $1 AND su.visibility = 'PUBLIC'`;

interface PlanRow {
  id: string;
  slug: string;
  country_code: string;
  title_da: string | null;
  title_en: string | null;
  description_da: string | null;
  description_en: string | null;
  period_start: string | null;
  period_end: string | null;
  published_on: string | null;
  coordinator_slug: string | null;
  coordinator_da: string | null;
  coordinator_en: string | null;
  modified_at: Date | string;
}

interface UpdateRow {
  id: string;
  status: string;
  progress_percent: number | null;
  effective_date: string;
  effective_date_precision: string;
  effective_date_known: boolean;
  note_da: string | null;
  note_en: string | null;
  evidence: { url: string; title?: string | null }[] | null;
  recorded_at: Date | string;
  ogp_id: string;
  commitment_number: string;
  commitment_da: string | null;
  commitment_en: string | null;
  position: number;
  milestone_da: string | null;
  milestone_en: string | null;
  lead_da: string | null;
  lead_en: string | null;
}

function toPlan(r: PlanRow): OpenDataPlan {
  return {
    id: r.id,
    slug: r.slug,
    countryCode: r.country_code,
    title: { da: r.title_da, en: r.title_en },
    description: { da: r.description_da, en: r.description_en },
    periodStart: r.period_start,
    periodEnd: r.period_end,
    publishedOn: r.published_on,
    coordinator: r.coordinator_slug
      ? { slug: r.coordinator_slug, name: { da: r.coordinator_da, en: r.coordinator_en } }
      : null,
    modifiedAt: new Date(r.modified_at),
  };
}
