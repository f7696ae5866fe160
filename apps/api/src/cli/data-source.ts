import { dataSourceOptions } from '@ogp/core';
import { DOMAIN_ENTITIES } from '@ogp/domain/entities';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '../../../../migrations';

// For the TypeORM CLI (scripts/typeorm.js sets DATABASE_URL, starting the embedded database when needed).
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI');

export default new DataSource(
  dataSourceOptions({
    url,
    entities: DOMAIN_ENTITIES,
    migrations: ALL_MIGRATIONS,
    applicationName: 'ogp-tracker-cli',
  }),
);
