import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SourceModel } from './graphql-types';
import type { ReadScope } from './read-scope';

// What the contexts' per-request loaders are made of (see RequestLoaders).

/** One request's view: its database, what the viewer may read, and the date progress is read as of. */
export interface LoaderScope {
  db: DataSource;
  scope: ReadScope;
  /** Progress as of the end of this day (YYYY-MM-DD), from the log; null: the current state. */
  asOf: string | null;
  /** The date flags are derived at: asOf, else the request's today. */
  on: string;
}

/** A condition: the row aliased `alias` (with an action_plan_id) is in a plan the viewer may read. */
export function inVisiblePlan(s: LoaderScope, alias: string): string {
  return `${alias}.action_plan_id IN (${s.scope.visiblePlanIdsSql()})`;
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** A loader whose batch function returns a map; missing keys answer `fallback`. */
export function loader<V>(
  batch: (keys: readonly string[]) => Promise<Map<string, V>>,
  fallback: V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const found = await batch(keys);
    return keys.map((key) => found.get(key) ?? fallback);
  });
}

/** The sources of the subjects in `table` (a join table to source whose subject column is `column`). */
export function sourcesLoader(
  db: DataSource,
  table: string,
  column: string,
): DataLoader<string, SourceModel[]> {
  return loader<SourceModel[]>(async (ids) => {
    const rows: {
      subject_id: string;
      url: string;
      title: string | null;
      accessed_on: string | null;
    }[] = await db.query(
      `SELECT j.${column} AS subject_id, s.url, s.title, s.accessed_on
         FROM ${table} j JOIN source s ON s.id = j.source_id WHERE j.${column} = ANY($1) ORDER BY s.url`,
      [ids],
    );
    return new Map(
      [...groupBy(rows, (r) => r.subject_id)].map(([id, list]) => [
        id,
        list.map((r) => ({ url: r.url, title: r.title, accessedOn: r.accessed_on })),
      ]),
    );
  }, []);
}

/** Rows of `entity` (aliased `alias`, with an action_plan_id) in plans the viewer may read, as `where` chooses. */
function visibleRows<E extends ObjectLiteral>(
  s: LoaderScope,
  entity: EntityTarget<E>,
  alias: string,
  where: string,
  ids: readonly string[],
): SelectQueryBuilder<E> {
  return s.db
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(where, { ids })
    .andWhere(inVisiblePlan(s, alias))
    .setParameters(s.scope.parameters);
}

/** Each row by id, as its model carrying the loaders' asOf; a row in a plan the viewer may not read is null. */
export function visibleByIdLoader<E extends ObjectLiteral & { id: string }, M extends object>(
  s: LoaderScope,
  entity: EntityTarget<E>,
  alias: string,
  toModel: (row: E) => M,
): DataLoader<string, (M & { asOf: string | null }) | null> {
  return loader(async (ids) => {
    const rows = await visibleRows(s, entity, alias, `${alias}.id = ANY(:ids)`, ids).getMany();
    return new Map(rows.map((row) => [row.id, { ...toModel(row), asOf: s.asOf }]));
  }, null);
}

/**
 * The unarchived rows under each parent (`parentColumn` of the row, `parentKey` of its model), in `orderColumn`
 * order, as models carrying the loaders' asOf; none for a parent in a plan the viewer may not read.
 */
export function visibleChildrenLoader<E extends ObjectLiteral, M extends object>(
  s: LoaderScope,
  entity: EntityTarget<E>,
  alias: string,
  columns: { parent: string; order: string },
  toModel: (row: E) => M,
  parentKey: (model: M) => string,
): DataLoader<string, (M & { asOf: string | null })[]> {
  return loader(async (ids) => {
    const rows = await visibleRows(
      s,
      entity,
      alias,
      `${alias}.${columns.parent} = ANY(:ids) AND ${alias}.archived_at IS NULL`,
      ids,
    )
      .orderBy(`${alias}.${columns.order}`, 'ASC')
      .getMany();
    return groupBy(
      rows.map((row) => ({ ...toModel(row), asOf: s.asOf })),
      parentKey,
    );
  }, []);
}
