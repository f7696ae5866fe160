import type { EntityManager } from 'typeorm';
import { SourceEntity } from '../sources/source.entity';
import type { PlanFileSource } from './plan-file.types';

/** Sources are shared by URL across the whole database. */
export class SourceCache {
  private readonly byUrl = new Map<string, SourceEntity>();

  constructor(private readonly manager: EntityManager) {}

  async all(list: PlanFileSource[] | undefined): Promise<SourceEntity[]> {
    const result: SourceEntity[] = [];
    for (const source of list ?? []) {
      if (result.some((s) => s.url === source.url)) continue;
      result.push(await this.one(source));
    }
    return result;
  }

  private async one(source: PlanFileSource): Promise<SourceEntity> {
    const cached = this.byUrl.get(source.url);
    if (cached) return cached;
    await this.manager.query(
      `INSERT INTO source (url, title, accessed_on) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING`,
      [source.url, source.title ?? null, source.accessedOn ?? null],
    );
    const saved = await this.manager.findOneByOrFail(SourceEntity, { url: source.url });
    this.byUrl.set(source.url, saved);
    return saved;
  }
}
