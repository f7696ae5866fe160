import type { Role } from '@ogp/common';
import { graphql } from './client';
import type { LocalizedText } from './dashboard';

// Reads and writes of the administrator screens: users and agencies.

export interface AgencyRow {
  slug: string;
  /** The country it is a public body of (ISO 3166 alpha-2): a plan names only agencies of its country. */
  countryCode: string;
  name: LocalizedText;
  abbreviation: string | null;
  parent: { slug: string; name: LocalizedText } | null;
}

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  isActive: boolean;
  agencies: { slug: string; name: LocalizedText }[];
}

const AGENCY = 'slug countryCode name { da en } abbreviation parent { slug name { da en } }';
const USER = 'id email displayName roles isActive agencies { slug name { da en } }';

/** Every unarchived agency (the administrators' list: also those no commitment names yet). */
export async function fetchAllAgencies(signal?: AbortSignal): Promise<AgencyRow[]> {
  const agencies: AgencyRow[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      agencies: { nodes: AgencyRow[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    } = await graphql(
      `query AllAgencies($after: String) {
        agencies(first: 100, after: $after) { nodes { ${AGENCY} } pageInfo { hasNextPage endCursor } }
      }`,
      { after },
      signal,
    );
    agencies.push(...data.agencies.nodes);
    if (!data.agencies.pageInfo.hasNextPage || signal?.aborted) return agencies;
    after = data.agencies.pageInfo.endCursor;
  }
}

export interface AgencyInput {
  slug?: string;
  /** Given once, when the agency is created. */
  countryCode?: string;
  name?: { da: string | null; en: string | null };
  abbreviation?: string | null;
  parentSlug?: string | null;
}

/**
 * The countries the administrator screens offer: those of the plans (real ones first) and of the agencies; the
 * first is the one shown when the address names none.
 */
export async function fetchCountries(
  agencies: readonly AgencyRow[],
  signal?: AbortSignal,
): Promise<string[]> {
  const data = await graphql<{
    actionPlans: { nodes: { countryCode: string; isSynthetic: boolean }[] };
  }>(
    'query PlanCountries { actionPlans(first: 100) { nodes { countryCode isSynthetic } } }',
    {},
    signal,
  );
  const plans = [...data.actionPlans.nodes].sort(
    (a, b) => Number(a.isSynthetic) - Number(b.isSynthetic),
  );
  return [
    ...new Set([
      ...plans.map((plan) => plan.countryCode),
      ...agencies.map((agency) => agency.countryCode).sort(),
    ]),
  ];
}

export async function createAgency(input: AgencyInput): Promise<AgencyRow> {
  const data = await graphql<{ createAgency: AgencyRow }>(
    `mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { ${AGENCY} } }`,
    { input },
  );
  return data.createAgency;
}

export async function updateAgency(slug: string, input: AgencyInput): Promise<AgencyRow> {
  const data = await graphql<{ updateAgency: AgencyRow }>(
    `mutation UpdateAgency($slug: String!, $input: UpdateAgencyInput!) {
      updateAgency(slug: $slug, input: $input) { ${AGENCY} }
    }`,
    { slug, input },
  );
  return data.updateAgency;
}

export async function archiveAgency(slug: string): Promise<void> {
  await graphql<{ archiveAgency: { slug: string } }>(
    'mutation ArchiveAgency($slug: String!) { archiveAgency(slug: $slug) { slug } }',
    { slug },
  );
}

export async function fetchUsers(signal?: AbortSignal): Promise<UserRow[]> {
  const data = await graphql<{ users: UserRow[] }>(`query Users { users { ${USER} } }`, {}, signal);
  return data.users;
}

export interface NewUserInput {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  agencySlugs: string[];
}

export async function createUser(input: NewUserInput): Promise<UserRow> {
  const data = await graphql<{ createUser: UserRow }>(
    `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER} } }`,
    { input },
  );
  return data.createUser;
}

export async function setUserRoles(
  userId: string,
  roles: Role[],
  agencySlugs: string[],
): Promise<UserRow> {
  const data = await graphql<{ setUserRoles: UserRow }>(
    `mutation SetUserRoles($userId: ID!, $roles: [Role!]!, $agencySlugs: [String!]) {
      setUserRoles(userId: $userId, roles: $roles, agencySlugs: $agencySlugs) { ${USER} }
    }`,
    { userId, roles, agencySlugs },
  );
  return data.setUserRoles;
}

export async function deactivateUser(userId: string): Promise<UserRow> {
  const data = await graphql<{ deactivateUser: UserRow }>(
    `mutation DeactivateUser($userId: ID!) { deactivateUser(userId: $userId) { ${USER} } }`,
    { userId },
  );
  return data.deactivateUser;
}
