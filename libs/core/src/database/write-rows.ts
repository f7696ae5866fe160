import {
  type DataSource,
  type DeepPartial,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DomainException, type MissingThing } from '../errors/domain.exception';
import { errorMessage } from '@ogp/common';
import { inputProblem, invalidInput } from '../validation/input-problems';
import { assertUuid } from '../validation/ids';

// The write path's row handling shared by every administration mutation: one transaction per mutation, rows
// locked while they change, and archiving instead of deleting.

interface PostgresError {
  code?: string;
  detail?: string;
  driverError?: { code?: string; detail?: string };
}

/**
 * Runs one mutation in one transaction: any error rolls everything back. The checks inside report a taken
 * slug or number plainly; a concurrent write can still take it between the check and the insert, and the
 * unique violation that follows is answered as BAD_USER_INPUT too. `uniqueFields` maps the key columns of a
 * unique constraint (as PostgreSQL names them in the error detail, e.g. "action_plan_id, key") to the field.
 */
export async function writeTransaction<T>(
  db: DataSource,
  uniqueFields: Readonly<Record<string, string>>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    const failure = error as PostgresError | null;
    const driver = failure?.driverError ?? failure;
    if (driver?.code !== '23505') throw error;
    const columns = /^Key \(([^)]*)\)=/.exec(driver.detail ?? '')?.[1];
    const field = (columns !== undefined ? uniqueFields[columns] : undefined) ?? 'input';
    throw invalidInput([inputProblem(field, errorMessage('field.takenMeanwhile'))]);
  }
}

/**
 * The row whose `field` is `value`, locked until the transaction ends, so concurrent changes to it apply one
 * after the other; NOT_FOUND naming the value. Ids must look like ids before they reach SQL.
 */
export async function lockedRow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  what: MissingThing,
  field: keyof E & string,
  value: unknown,
): Promise<E> {
  // TypeORM drops an undefined condition (and would lock any row): a missing value finds nothing.
  if (typeof value !== 'string') throw DomainException.notFound(what, field, String(value));
  const key = field === 'id' ? assertUuid(field, value) : value;
  const row = await manager.getRepository(entity).findOne({
    where: { [field]: key } as FindOptionsWhere<E>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw DomainException.notFound(what, field, value);
  return row;
}

/**
 * Archives a row found with lockedRow() and reads it back. Archiving again changes nothing; `refuse` runs first
 * on a row not yet archived, to throw while something visible still depends on it. `columns` are written too.
 */
export async function archiveRow<E extends ObjectLiteral & { id: string; archivedAt: Date | null }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  row: E,
  options: { refuse?: () => Promise<void>; columns?: QueryDeepPartialEntity<E> } = {},
): Promise<E> {
  const repository = manager.getRepository(entity);
  const byId = { id: row.id } as FindOptionsWhere<E>;
  if (row.archivedAt === null) {
    await options.refuse?.();
    await repository.update(byId, {
      ...options.columns,
      archivedAt: () => 'now()',
    } as QueryDeepPartialEntity<E>);
  }
  return repository.findOneByOrFail(byId);
}

/**
 * Saves a new row at the end of its parent's list: its position is one past the highest of its siblings'.
 * `parentColumn` is the column naming the parent (e.g. "commitment_id").
 */
export async function appendRow<E extends ObjectLiteral & { position: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  parentColumn: string,
  parentId: string,
  values: DeepPartial<E>,
): Promise<E> {
  const repository = manager.getRepository(entity);
  const escape = (name: string) => manager.connection.driver.escape(name);
  const [{ next }] = await manager.query<{ next: number }[]>(
    `SELECT COALESCE(MAX(position), 0) + 1 AS next FROM ${escape(repository.metadata.tableName)}
     WHERE ${escape(parentColumn)} = $1`,
    [parentId],
  );
  return repository.save(repository.create({ ...values, position: next } as DeepPartial<E>));
}
