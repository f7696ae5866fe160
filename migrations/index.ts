import { InitialSchema1795813597639 } from './1795813597639-initial-schema';
import { HistoryRules1795813600000 } from './1795813600000-history-rules';

/** Every migration, oldest first. A new one is generated with `npm run migration:generate -- <name>`, then listed here. */
export const ALL_MIGRATIONS = [InitialSchema1795813597639, HistoryRules1795813600000];
