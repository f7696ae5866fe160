export { OpenDataService } from './open-data.service';
export { FEED_LIMIT } from './atom-feed';
export { DCAT_CONTEXT } from './dcat-catalog';
