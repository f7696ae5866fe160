import { InitialSchema1795813597639 } from './1795813597639-initial-schema';
import { HistoryRules1795813600000 } from './1795813600000-history-rules';
import { Accounts1795815243564 } from './1795815243564-accounts';
import { Verifications1795820000000 } from './1795820000000-verifications';
import { SignInBackoff1795830000000 } from './1795830000000-sign-in-backoff';
import { EventOutbox1795831000000 } from './1795831000000-event-outbox';
import { SplitAuditChain1795832000000 } from './1795832000000-split-audit-chain';
import { AgencyCountry1795833000000 } from './1795833000000-agency-country';
import { DataVersions1795834000000 } from './1795834000000-data-versions';
import { MilestoneReadOrder1795835000000 } from './1795835000000-milestone-read-order';

/** Every migration, oldest first. A new one is generated with `npm run migration:generate -- <name>`, then listed here. */
export const ALL_MIGRATIONS = [
  InitialSchema1795813597639,
  HistoryRules1795813600000,
  Accounts1795815243564,
  Verifications1795820000000,
  SignInBackoff1795830000000,
  EventOutbox1795831000000,
  SplitAuditChain1795832000000,
  AgencyCountry1795833000000,
  DataVersions1795834000000,
  MilestoneReadOrder1795835000000,
];
