import { Injectable } from '@nestjs/common';
import {
  DomainException,
  InputProblems,
  assertUuid,
  checkText,
  requireSignedIn,
  type Actor,
} from '@ogp/core';
import { DataSource, IsNull } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';
import { newSecretToken } from './secret-tokens';
import type { ApiToken, CreatedApiToken } from './user.model';

const toApiToken = (entity: ApiTokenEntity): ApiToken => ({
  id: entity.id,
  name: entity.name,
  tokenPrefix: entity.tokenPrefix,
  createdAt: entity.createdAt,
  lastUsedAt: entity.lastUsedAt,
  revokedAt: entity.revokedAt,
});

/** Personal tokens for scripts: every user manages their own. */
/** api_token.name is varchar(100). */
const TOKEN_NAME_MAX = 100;

@Injectable()
export class ApiTokensService {
  constructor(private readonly db: DataSource) {}

  async create(actor: Actor, name: string): Promise<CreatedApiToken> {
    const user = requireSignedIn(actor);
    const problems = new InputProblems();
    const trimmed = checkText(problems, 'name', name, { max: TOKEN_NAME_MAX, nullable: false })!;
    problems.throwIfAny();
    const { token, hash } = newSecretToken('ogpt');
    const saved = await this.db.getRepository(ApiTokenEntity).save({
      userId: user.userId,
      name: trimmed,
      tokenHash: hash,
      tokenPrefix: token.slice(0, 12),
    });
    return { token, apiToken: toApiToken(saved) };
  }

  async list(actor: Actor): Promise<ApiToken[]> {
    const user = requireSignedIn(actor);
    const tokens = await this.db
      .getRepository(ApiTokenEntity)
      .find({ where: { userId: user.userId }, order: { createdAt: 'DESC' } });
    return tokens.map(toApiToken);
  }

  async revoke(actor: Actor, id: string): Promise<ApiToken> {
    const user = requireSignedIn(actor);
    const repository = this.db.getRepository(ApiTokenEntity);
    const token = await repository.findOneBy({ id: assertUuid('id', id), userId: user.userId });
    if (!token) throw DomainException.notFound('apiToken', 'id', id);
    await repository.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return toApiToken(await repository.findOneByOrFail({ id }));
  }
}
