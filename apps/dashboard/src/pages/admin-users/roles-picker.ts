import { Role, ROLE_LABELS, type Locale } from '@ogp/common';
import type { AgencyRow } from '../../api/admin';
import { h } from '../../dom';
import { FieldGroup } from '../../forms/field';
import { groupTarget, type ProblemTarget } from '../../forms/form-problems';
import type { Translate } from '../../i18n';
import { titleIn } from '../../components/review-ui';

const ROLES = [Role.ADMIN, Role.COORDINATOR, Role.REVIEWER];

/** Checkboxes for a user's roles and (for coordinators) agencies; what is ticked survives a re-render. */
export class RolesPicker {
  readonly roles: FieldGroup;
  readonly agencies: FieldGroup;
  private readonly roleBoxes = new Map<Role, [HTMLInputElement, HTMLLabelElement]>();
  private agencyBoxes = new Map<string, HTMLInputElement>();
  /** The user's agencies of other countries than the one shown: not offered here, and kept as they are. */
  private kept: string[] = [];

  constructor(private readonly prefix: string) {
    this.roles = new FieldGroup(`${prefix}-roles`);
    this.agencies = new FieldGroup(`${prefix}-agencies`, 'ra-scroll');
    for (const role of ROLES) {
      const input = h('input', {
        type: 'checkbox',
        name: 'roles',
        value: role,
        id: `${prefix}-role-${role}`,
      });
      const label = h('label', { for: input.id });
      this.roleBoxes.set(role, [input, label]);
      this.roles.body.append(h('div', { class: 'choice' }, input, label));
    }
  }

  /** Offers `agencies`: those of the country the page shows (`countryName`), when there is one. */
  render(agencies: AgencyRow[], countryName: string | null, t: Translate, locale: Locale): void {
    this.roles.setLegend(t('admRoles'));
    for (const [role, [, label]] of this.roleBoxes) label.textContent = ROLE_LABELS[role][locale];
    this.agencies
      .setLegend(t('admAgencies'))
      .setHint(
        countryName ? t('admAgenciesHintCountry', { country: countryName }) : t('admAgenciesHint'),
      );
    const ticked = new Set(this.agencySlugs);
    const boxes = new Map<string, HTMLInputElement>();
    this.agencies.body.replaceChildren(
      ...agencies.map((agency) => {
        const input = h('input', {
          type: 'checkbox',
          name: 'agencies',
          value: agency.slug,
          id: `${this.prefix}-agency-${agency.slug}`,
          checked: ticked.has(agency.slug),
        });
        boxes.set(agency.slug, input);
        return h(
          'div',
          { class: 'choice' },
          input,
          h('label', { for: input.id }, titleIn(agency.name, locale, t)),
        );
      }),
    );
    this.agencyBoxes = boxes;
    this.kept = [...ticked].filter((slug) => !boxes.has(slug));
  }

  get roleValues(): Role[] {
    return [...this.roleBoxes].filter(([, [input]]) => input.checked).map(([role]) => role);
  }

  get agencySlugs(): string[] {
    return [
      ...[...this.agencyBoxes].filter(([, input]) => input.checked).map(([slug]) => slug),
      ...this.kept,
    ];
  }

  set(roles: Role[], agencySlugs: string[]): void {
    for (const [role, [input]] of this.roleBoxes) input.checked = roles.includes(role);
    for (const [slug, input] of this.agencyBoxes) input.checked = agencySlugs.includes(slug);
    this.kept = agencySlugs.filter((slug) => !this.agencyBoxes.has(slug));
  }

  targets(): { roles: ProblemTarget; agencies: ProblemTarget } {
    return {
      roles: groupTarget(this.roles, () => `${this.prefix}-role-${ROLES[0]}`),
      agencies: groupTarget(
        this.agencies,
        () => [...this.agencyBoxes.values()][0]?.id ?? this.agencies.id,
      ),
    };
  }
}
