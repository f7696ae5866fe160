import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { errorMessage, type Locale } from '@ogp/common';
import { APP_CONFIG, DomainException, type Actor, type AppConfig } from '@ogp/core';
import { PlansService } from '../plans';
import type { RequestLoaders } from '../request-loaders';
import { parseAsOf } from '../shared/as-of';
import { writeIrmCsv, writeMilestonesCsv } from './csv-export';
import { writeDocx } from './docx/docx-export';
import { writePlanFile } from './plan-file-export';
import { PlanReport } from './plan-report';
import { writePdf } from './pdf/pdf-export';
import { writeXlsx } from './xlsx-export';

export type ReportFormat = 'csv' | 'irm.csv' | 'xlsx' | 'json' | 'pdf' | 'docx';

/** What an export request asks for, checked. */
export interface ReportOptions {
  /** null: the current state. */
  asOf: string | null;
  locale: Locale;
  /** CSV only: start with a byte order mark (for Excel). */
  bom: boolean;
}

const MEDIA_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  'irm.csv': 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A report ready to stream: its media type, file name, and the writer. */
export interface PreparedReport {
  mediaType: string;
  fileName: string;
  write(out: Writable): Promise<void>;
}

/** Makes the viewer's loaders as of a date (the same ones a GraphQL request gets). */
export type LoadersAt = (asOf: string | null) => RequestLoaders;

/**
 * The exports of a plan, as one viewer may read it as of one day: what they show comes from the GraphQL API's
 * loaders (visibility, roll-up, flags), so an export never disagrees with the API.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly plans: PlansService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The query string checked: BAD_USER_INPUT naming the parameter and the problem. */
  static options(query: Record<string, unknown>, today: string): ReportOptions {
    const single = (name: string): string | undefined => {
      const value = query[name];
      if (value === undefined) return undefined;
      if (typeof value !== 'string')
        throw DomainException.badInput(name, errorMessage('request.parameterOnce'));
      return value;
    };
    const lang = single('lang') ?? 'da';
    if (lang !== 'da' && lang !== 'en') {
      throw DomainException.badInput('lang', errorMessage('request.language'), lang);
    }
    const bom = single('bom') ?? '0';
    if (bom !== '0' && bom !== '1')
      throw DomainException.badInput('bom', errorMessage('request.zeroOrOne'), bom);
    return { asOf: parseAsOf(single('asOf'), today), locale: lang, bom: bom === '1' };
  }

  /**
   * Reads what the export needs before anything is sent (so NOT_FOUND and bad input still answer as errors);
   * NOT_FOUND, as in the API, for a plan the actor may not read.
   */
  async prepare(
    actor: Actor,
    slug: string,
    format: ReportFormat,
    options: ReportOptions,
    today: string,
    loadersAt: LoadersAt,
  ): Promise<PreparedReport> {
    const plan = await this.plans.bySlug(actor, slug);
    const report = await PlanReport.open(plan.id, () => loadersAt(options.asOf), {
      published: plan.isPublished,
      asOf: options.asOf ?? today,
      requestedAsOf: options.asOf,
      generatedAt: new Date(),
      licence: this.config.dataLicence,
      locale: options.locale,
    });
    const base = `${plan.slug}-${report.info.asOf}`;
    const names: Record<ReportFormat, string> = {
      csv: `${base}-${options.locale}.csv`,
      'irm.csv': `${base}-irm-${options.locale}.csv`,
      xlsx: `${base}-${options.locale}.xlsx`,
      json: `${base}.plan.json`,
      docx: `${base}-${options.locale}.docx`,
      pdf: `${base}-${options.locale}.pdf`,
    };
    const writers: Record<ReportFormat, (out: Writable) => Promise<void>> = {
      csv: (out) => writeMilestonesCsv(report, out, { bom: options.bom }),
      'irm.csv': (out) => writeIrmCsv(report, out, { bom: options.bom }),
      xlsx: (out) => writeXlsx(report, out),
      json: (out) => {
        const loaders = loadersAt(options.asOf);
        return writePlanFile(report, out, {
          agencyById: (id) => loaders.agencyById.load(id),
          agencySources: (id) => loaders.agencySources.load(id),
        });
      },
      docx: (out) => writeDocx(report, out, (id) => loadersAt(options.asOf).agencyById.load(id)),
      pdf: (out) => writePdf(report, out),
    };
    return { mediaType: MEDIA_TYPES[format], fileName: names[format], write: writers[format] };
  }
}
