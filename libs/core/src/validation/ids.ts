import { errorMessage } from '@ogp/common';
import { DomainException } from '../errors/domain.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id argument must look like one before it reaches SQL (else PostgreSQL fails, not the client). */
export function assertUuid(field: string, value: string): string {
  if (!UUID.test(value))
    throw DomainException.badInput(field, errorMessage('field.notAnId'), value);
  return value.toLowerCase();
}
