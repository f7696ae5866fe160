import { AgencyRole, OgpValue, errorMessage } from '@ogp/common';
import { DomainException, ErrorCode } from '@ogp/core';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CommitmentAgencyEntity } from '../commitments/commitment-agency.entity';
import { CommitmentStakeholderEntity } from '../commitments/commitment-stakeholder.entity';
import { CommitmentEntity } from '../commitments/commitment.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { ActionPlanEntity } from '../plans/action-plan.entity';
import { StatusUpdateEntity } from '../status-updates/status-update.entity';
import { ThemeEntity } from '../themes/theme.entity';
import type { PlanFileProblem } from './plan-file.problem';
import type { PlanFile } from './plan-file.types';
import { validatePlanFile } from './validate-plan-file';
import { PlanFileChain } from './plan-file-chain';
import { endOf, startOf, text } from './plan-file-values';
import { SourceCache } from './source-cache';

export { IMPORT_ACTOR_NAME } from './plan-file-chain';

export interface PlanLoadResult {
  planId: string;
  slug: string;
  themes: number;
  agenciesCreated: number;
  commitments: number;
  milestones: number;
  statusUpdates: number;
  assessments: number;
}

/** A plan file that cannot be loaded: every problem with its JSON path. Nothing was written. */
export class PlanFileInvalidException extends DomainException {
  constructor(readonly problems: PlanFileProblem[]) {
    super(
      ErrorCode.BAD_USER_INPUT,
      errorMessage('planFile.invalid', {
        count: problems.length,
        problems: problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
      }),
      { problems },
    );
  }
}

/**
 * Loads a whole plan file in one transaction: validated first, nothing written when any problem exists.
 * Agencies and sources are shared between plans (reused by slug and URL; an agency only by plans of its
 * country, which it is given when it is created); everything else is new.
 */
export class PlanLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(input: unknown): Promise<PlanLoadResult> {
    const problems = validatePlanFile(input);
    if (problems.length > 0) throw new PlanFileInvalidException(problems);
    const file = input as PlanFile;
    return this.dataSource.transaction(async (manager) => {
      const clashes = await this.clashes(manager, file);
      if (clashes.length > 0) throw new PlanFileInvalidException(clashes);
      return this.write(manager, file);
    });
  }

  /** Problems only the database can reveal: a slug or OGP id already taken. */
  private async clashes(manager: EntityManager, file: PlanFile): Promise<PlanFileProblem[]> {
    const problems: PlanFileProblem[] = [];
    if (await manager.existsBy(ActionPlanEntity, { slug: file.plan.slug })) {
      // The same plan loaded again: its commitments clash too, which would only repeat the point.
      return [
        {
          path: '$.plan.slug',
          message: `a plan with slug "${file.plan.slug}" already exists; nothing was loaded`,
        },
      ];
    }
    const ogpIds = file.commitments.map((c) => c.ogpId);
    const taken: { ogp_id: string }[] = ogpIds.length
      ? await manager.query('SELECT ogp_id FROM commitment WHERE ogp_id = ANY($1)', [ogpIds])
      : [];
    for (const { ogp_id } of taken) {
      problems.push({
        path: `$.commitments[${ogpIds.indexOf(ogp_id)}].ogpId`,
        message: `commitment ${ogp_id} already exists in another plan`,
      });
    }
    // An agency is reused by its key, and belongs to one country: another country's plan cannot name it.
    const keys = file.agencies.map((a) => a.key);
    const foreign: { slug: string; country_code: string }[] = keys.length
      ? await manager.query(
          'SELECT slug, country_code FROM agency WHERE slug = ANY($1) AND country_code <> $2',
          [keys, file.plan.countryCode],
        )
      : [];
    for (const { slug, country_code } of foreign.sort(
      (a, b) => keys.indexOf(a.slug) - keys.indexOf(b.slug),
    )) {
      problems.push({
        path: `$.agencies[${keys.indexOf(slug)}].key`,
        message: `agency "${slug}" already exists as a public body of ${country_code}, not of the plan's country ${file.plan.countryCode}; give this plan's agency another key`,
      });
    }
    return problems;
  }

  private async write(manager: EntityManager, file: PlanFile): Promise<PlanLoadResult> {
    const sources = new SourceCache(manager);
    const agencyIds = new Map<string, string>();
    const created = new Set<string>();
    for (const agency of file.agencies) {
      const existing = await manager.findOneBy(AgencyEntity, { slug: agency.key });
      if (existing) {
        agencyIds.set(agency.key, existing.id);
        continue;
      }
      const saved = await manager.save(
        manager.create(AgencyEntity, {
          slug: agency.key,
          countryCode: file.plan.countryCode,
          name: text(agency.name),
          abbreviation: agency.abbreviation ?? null,
          sources: await sources.all(agency.sources),
        }),
      );
      created.add(agency.key);
      agencyIds.set(agency.key, saved.id);
    }
    // Parents are set once all agencies exist; an agency that was already there keeps its parent.
    for (const agency of file.agencies) {
      if (agency.parent && created.has(agency.key)) {
        await manager.update(
          AgencyEntity,
          { id: agencyIds.get(agency.key) },
          { parentId: agencyIds.get(agency.parent) },
        );
      }
    }

    const [periodStart, periodStartPrecision] = startOf(file.plan.periodStart);
    const [periodEnd, periodEndPrecision] = endOf(file.plan.periodEnd);
    const plan = await manager.save(
      manager.create(ActionPlanEntity, {
        slug: file.plan.slug,
        countryCode: file.plan.countryCode,
        title: text(file.plan.title),
        description: text(file.plan.description),
        actionPlanNumber: file.plan.actionPlanNumber ?? null,
        periodStart,
        periodStartPrecision,
        periodEnd,
        periodEndPrecision,
        publishedOn: file.plan.publishedOn ?? null,
        coordinatingAgencyId: file.plan.coordinatingAgency
          ? agencyIds.get(file.plan.coordinatingAgency)
          : null,
        isPublished: file.plan.published ?? true,
        isSynthetic: file.synthetic ?? false,
        notes: text(file.plan.notes),
        sources: await sources.all(file.plan.sources),
      }),
    );

    const themeIds = new Map<string, string>();
    for (const theme of file.themes) {
      const saved = await manager.save(
        manager.create(ThemeEntity, {
          actionPlanId: plan.id,
          key: theme.key,
          number: theme.number,
          title: text(theme.title),
          sources: await sources.all(theme.sources),
        }),
      );
      themeIds.set(theme.key, saved.id);
    }

    const chain = new PlanFileChain(plan.id);
    let milestones = 0;
    let statusUpdates = 0;
    let assessments = 0;
    for (const [position, item] of file.commitments.entries()) {
      const commitment = await manager.save(
        manager.create(CommitmentEntity, {
          actionPlanId: plan.id,
          themeId: themeIds.get(item.themeKey),
          ogpId: item.ogpId,
          number: item.number,
          position: position + 1,
          title: text(item.title),
          description: text(item.description),
          ogpValues: (item.ogpValues ?? []) as OgpValue[],
          notes: text(item.notes),
          sources: await sources.all(item.sources),
        }),
      );
      await manager.insert(CommitmentAgencyEntity, [
        {
          commitmentId: commitment.id,
          agencyId: agencyIds.get(item.leadAgency)!,
          role: AgencyRole.LEAD,
        },
        ...(item.supportingAgencies ?? []).map((key) => ({
          commitmentId: commitment.id,
          agencyId: agencyIds.get(key)!,
          role: AgencyRole.SUPPORTING,
        })),
      ]);
      for (const [index, name] of (item.otherStakeholders ?? []).entries()) {
        await manager.insert(CommitmentStakeholderEntity, {
          commitmentId: commitment.id,
          position: index + 1,
          name: text(name),
        });
      }
      for (const [index, entry] of (item.milestones ?? []).entries()) {
        const [plannedStart, plannedStartPrecision] = startOf(entry.plannedStart);
        const [plannedEnd, plannedEndPrecision] = endOf(entry.plannedEnd);
        const milestone = await manager.save(
          manager.create(MilestoneEntity, {
            commitmentId: commitment.id,
            position: index + 1,
            title: text(entry.title),
            description: text(entry.description),
            plannedStart,
            plannedStartPrecision,
            plannedEnd,
            plannedEndPrecision,
            weight: String(entry.weight ?? 1),
            notes: text(entry.notes),
            sources: await sources.all(entry.sources),
          }),
        );
        milestones += 1;
        const rows = (entry.history ?? []).map((update) =>
          chain.statusUpdate(commitment.id, milestone.id, update),
        );
        if (rows.length > 0) {
          await manager.insert(StatusUpdateEntity, rows);
          statusUpdates += rows.length;
          await manager.update(MilestoneEntity, { id: milestone.id }, currentState(rows));
        }
      }
      const assessmentRows = (item.assessments ?? []).map((a) =>
        chain.assessment(commitment.id, a),
      );
      if (assessmentRows.length > 0) {
        await manager.insert(AssessmentEntity, assessmentRows);
        assessments += assessmentRows.length;
      }
    }
    await chain.saveHeads(manager);
    return {
      planId: plan.id,
      slug: plan.slug,
      themes: file.themes.length,
      agenciesCreated: created.size,
      commitments: file.commitments.length,
      milestones,
      statusUpdates,
      assessments,
    };
  }
}

/** The milestone's current state is its latest update by effective date (later entries win ties). */
function currentState(rows: StatusUpdateEntity[]): Partial<MilestoneEntity> {
  const latest = rows.reduce((a, b) => (b.effectiveDate >= a.effectiveDate ? b : a));
  const started = rows.map((r) => r.actualStart).filter((d): d is string => d !== null);
  return {
    status: latest.status,
    progressPercent: latest.progressPercent,
    actualStart: latest.actualStart ?? started[started.length - 1] ?? null,
    actualStartPrecision: latest.actualStart ? latest.actualStartPrecision : null,
    actualEnd: latest.actualEnd,
    actualEndPrecision: latest.actualEndPrecision,
    lastUpdateOn: latest.effectiveDate,
  };
}
