import { Inject, Injectable } from '@nestjs/common';
import { errorMessage, type Locale } from '@ogp/common';
import { APP_CONFIG, DomainException, type AppConfig } from '@ogp/core';
import { DataSource } from 'typeorm';
import { buildAtomFeed, FEED_LIMIT } from './atom-feed';
import { buildDcatCatalog } from './dcat-catalog';
import { OpenDataQueries } from './open-data.queries';

/** The public's open data: a plan's Atom feed of status updates and the DCAT catalogue of every published plan. */
@Injectable()
export class OpenDataService {
  private readonly queries: OpenDataQueries;

  constructor(
    db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queries = new OpenDataQueries(db);
  }

  /** `lang` as given in a URL: Danish unless English is asked for. */
  static locale(lang: unknown): Locale {
    if (lang === undefined || lang === '') return 'da';
    if (lang === 'da' || lang === 'en') return lang;
    // A repeated parameter arrives as an array: said back as JSON.
    const given = typeof lang === 'string' ? lang : JSON.stringify(lang);
    throw DomainException.badInput('lang', errorMessage('request.language'), given);
  }

  /** The Atom document of the published plan `slug`; NOT_FOUND for an unknown or unpublished plan. */
  async feed(slug: string, locale: Locale, base: string): Promise<string> {
    const plan = await this.queries.publishedPlan(slug);
    if (!plan) throw DomainException.notFound('plan', 'slug', slug);
    const [updates, total] = await Promise.all([
      this.queries.latestPublicUpdates(plan.id, FEED_LIMIT),
      this.queries.countPublicUpdates(plan.id),
    ]);
    return buildAtomFeed({ plan, updates, total, locale, base, licence: this.config.dataLicence });
  }

  /** The DCAT-AP catalogue as a JSON-LD object. */
  async catalog(base: string): Promise<Record<string, unknown>> {
    const plans = await this.queries.publishedPlans();
    return buildDcatCatalog({ plans, base, licence: this.config.dataLicence });
  }
}
