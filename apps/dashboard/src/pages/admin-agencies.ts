import type { Locale } from '@ogp/common';
import {
  archiveAgency,
  createAgency,
  fetchAllAgencies,
  fetchCountries,
  updateAgency,
  type AgencyInput,
  type AgencyRow,
} from '../api/admin';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { dataTable, h } from '../dom';
import { ErrorSummary } from '../forms/error-summary';
import { FormField, textField } from '../forms/field';
import { Busy } from '../forms/form';
import { fieldTarget, FormProblems } from '../forms/form-problems';
import { FormSection } from '../forms/form-section';
import { ListChanges, RowEditor } from '../forms/list-changes';
import type { Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { srOnly, textIn, titleIn } from '../components/review-ui';
import { chosenCountry, CountryChoice, countryName } from '../components/country-choice';

/** The fields of an agency, for the new-agency form and the edit form alike. */
class AgencyFields {
  readonly slug: FormField;
  readonly nameDa: FormField;
  readonly nameEn: FormField;
  readonly abbreviation: FormField;
  readonly parent: FormField<HTMLSelectElement>;
  /** Only when creating: the country is given once. */
  readonly country: FormField | null;
  readonly problems: FormProblems;

  constructor(
    prefix: string,
    readonly summary: ErrorSummary,
    creating = false,
  ) {
    this.country = creating
      ? textField(`${prefix}-country`, { autocomplete: 'off', spellcheck: 'false', size: 4 })
      : null;
    this.country?.control.addEventListener('input', () => {
      delete this.country!.control.dataset.chosen;
    });
    this.slug = textField(`${prefix}-slug`, { autocomplete: 'off', spellcheck: 'false' });
    this.nameDa = textField(`${prefix}-name-da`, { lang: 'da' });
    this.nameEn = textField(`${prefix}-name-en`, { lang: 'en' });
    this.abbreviation = textField(`${prefix}-abbreviation`);
    this.parent = new FormField(h('select', { name: `${prefix}-parent` }), {
      id: `${prefix}-parent`,
    });
    this.problems = new FormProblems(summary, {
      slug: fieldTarget(this.slug),
      'name.da': fieldTarget(this.nameDa),
      'name.en': fieldTarget(this.nameEn),
      // A name missing in both languages is reported on `name`: shown at the Danish one.
      name: fieldTarget(this.nameDa),
      abbreviation: fieldTarget(this.abbreviation),
      parentSlug: fieldTarget(this.parent),
      ...(this.country ? { countryCode: fieldTarget(this.country) } : {}),
    });
  }

  elements(): HTMLElement[] {
    return [
      h('div', { class: 'ra-pair' }, this.nameDa.element, this.nameEn.element),
      h('div', { class: 'ra-pair' }, this.slug.element, this.abbreviation.element),
      this.country
        ? h('div', { class: 'ra-pair' }, this.country.element, this.parent.element)
        : this.parent.element,
    ];
  }

  /** Labels, and the parents to choose from: agencies of `country`, the one the page shows. */
  render(
    agencies: AgencyRow[],
    exclude: string | null,
    country: string | null,
    t: Translate,
    locale: Locale,
  ): void {
    this.nameDa.setLabel(t('admNameDa'));
    if (this.country) {
      this.country.setLabel(t('admAgencyCountry')).setHint(t('admAgencyCountryHint'));
      // Follows the country shown until someone types another.
      if (!this.country.control.value || this.country.control.dataset.chosen === 'true') {
        this.country.control.value = country ?? '';
        this.country.control.dataset.chosen = 'true';
      }
    }
    this.nameEn.setLabel(t('admNameEn')).setHint(t('admNameHint'));
    this.slug.setLabel(t('admSlug')).setHint(t('admSlugHint'));
    this.abbreviation.setLabel(t('admAbbreviation'));
    this.parent.setLabel(t('admParent'));
    const chosen = this.parent.control.value;
    this.parent.control.replaceChildren(
      h('option', { value: '' }, t('admNoParent')),
      ...agencies
        .filter((agency) => agency.slug !== exclude)
        .map((agency) => h('option', { value: agency.slug }, titleIn(agency.name, locale, t))),
    );
    this.parent.control.value = chosen;
  }

  fill(agency: AgencyRow): void {
    this.slug.control.value = agency.slug;
    this.nameDa.control.value = agency.name.da ?? '';
    this.nameEn.control.value = agency.name.en ?? '';
    this.abbreviation.control.value = agency.abbreviation ?? '';
    this.parent.control.value = agency.parent?.slug ?? '';
  }

  /** The fields as an input; for an edit, only what differs from `current`. */
  read(current: AgencyRow | null): AgencyInput {
    const text = (field: FormField) => field.control.value.trim() || null;
    const name = { da: text(this.nameDa), en: text(this.nameEn) };
    const input: AgencyInput = {};
    const slug = this.slug.control.value.trim();
    const abbreviation = text(this.abbreviation);
    const parentSlug = this.parent.control.value || null;
    if (!current || slug !== current.slug) input.slug = slug;
    if (!current && this.country) input.countryCode = this.country.control.value.trim();
    if (!current || name.da !== current.name.da || name.en !== current.name.en) input.name = name;
    if (!current ? abbreviation !== null : abbreviation !== current.abbreviation)
      input.abbreviation = abbreviation;
    if (!current ? parentSlug !== null : parentSlug !== (current.parent?.slug ?? null))
      input.parentSlug = parentSlug;
    return input;
  }
}

/** Administrators' list of agencies: create, edit, archive. */
export class AdminAgenciesPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly intro = h('p');
  private readonly busy = new Busy();
  private readonly changes = new ListChanges(
    { status: 'agencies-success', confirm: 'agency-confirm', summary: 'agencies-errors' },
    this.busy,
  );
  private readonly createSection = new FormSection(
    {
      section: 'agency-new',
      heading: 'agency-create-heading',
      summary: 'agency-new-errors',
      form: 'agency-create',
    },
    () => this.add(),
  );
  private readonly create = new AgencyFields('agency-new', this.createSection.summary, true);
  private readonly countryChoice = new CountryChoice('agencies', (country) =>
    this.ctx?.navigate('/admin/agencies', { country, edit: null }),
  );
  private country: string | null = null;
  private readonly editor = new RowEditor<AgencyRow>(
    new FormSection(
      {
        section: 'agency-edit',
        heading: 'agency-edit-heading',
        summary: 'agency-edit-errors',
        form: 'agency-edit-form',
      },
      () => this.save(),
      { focusableHeading: true, hidden: true },
    ),
    (agency) => agency.slug,
    '/admin/agencies',
  );
  private readonly edit = new AgencyFields('agency-edit', this.editor.section.summary);
  private readonly listSection = h('section', {
    id: 'agencies',
    'aria-labelledby': 'agencies-heading',
  });
  private agencies: AgencyRow[] = [];
  private ctx: PageContext | null = null;

  constructor() {
    this.createSection.fill(this.create.elements());
    this.editor.section.fill(this.edit.elements(), this.editor.cancel);
    this.element = h(
      'div',
      { class: 'admin-agencies' },
      this.heading,
      this.intro,
      this.countryChoice.element,
      ...this.changes.elements(),
      this.editor.section.element,
      this.listSection,
      this.createSection.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal } = context;
    const all = await fetchAllAgencies(signal);
    const countries = await fetchCountries(all, signal);
    if (signal.aborted) return { title: '' };
    this.country = chosenCountry(context.query, countries);
    this.agencies = this.ofCountry(all);
    this.heading.textContent = t('admAgenciesTitle');
    this.intro.textContent = this.country
      ? `${t('admAgenciesIntro')} ${t('admAgenciesOfCountry', { country: countryName(this.country, locale) })}`
      : t('admAgenciesIntro');
    this.countryChoice.render(countries, this.country, t, locale);
    this.createSection.heading.textContent = t('admNewAgency');
    this.create.render(this.agencies, null, this.country, t, locale);
    this.createSection.submit.textContent = t('admCreateAgency');
    this.editor.show(this.agencies, context, {
      render: (agency) => {
        const section = this.editor.section;
        section.heading.textContent = t('admEditAgency', { name: titleIn(agency.name, locale, t) });
        this.edit.render(this.agencies, agency.slug, this.country, t, locale);
        section.submit.textContent = t('admSaveAgency');
      },
      fill: (agency) => {
        this.edit.problems.clear();
        this.edit.fill(agency);
      },
    });
    this.renderList(context);
    return { title: t('admAgenciesTitle') };
  }

  private renderList(context: PageContext): void {
    const { t, locale, href } = context;
    this.listSection.replaceChildren(
      h('h2', { id: 'agencies-heading' }, t('admAgenciesHeading')),
      h('p', { class: 'summary' }, t('admAgenciesSummary', { total: this.agencies.length })),
      h(
        'div',
        { class: 'table-wrap' },
        dataTable(
          t('admAgenciesHeading'),
          [
            { label: t('admName') },
            { label: t('admSlug') },
            { label: t('admAbbreviation') },
            { label: t('admParent') },
            { label: t('rvAction') },
          ],
          this.agencies.map((agency) => {
            const name = titleIn(agency.name, locale, t);
            const archive = h(
              'button',
              { type: 'button', class: 'secondary ra-archive' },
              t('admArchive'),
              srOnly(`: ${name}`),
            );
            archive.addEventListener('click', () => this.askArchive(agency, archive));
            return {
              key: agency.slug,
              header: textIn(agency.name, locale, t) ?? agency.slug,
              cells: [
                { text: agency.slug },
                { text: agency.abbreviation ?? t('admNone') },
                { text: agency.parent ? titleIn(agency.parent.name, locale, t) : t('admNone') },
                {
                  text: h(
                    'div',
                    { class: 'ra-actions' },
                    h(
                      'a',
                      {
                        href: href('/admin/agencies', { edit: agency.slug }),
                        class: 'ra-edit-link',
                      },
                      t('admEdit'),
                      srOnly(`: ${name}`),
                    ),
                    archive,
                  ),
                },
              ],
            };
          }),
        ),
      ),
    );
  }

  private askArchive(agency: AgencyRow, opener: HTMLElement): void {
    const { t, locale } = this.ctx!;
    this.changes.problems.clear();
    // One summary on the page at a time, the latest action's: a refused new agency keeps its errors by its fields.
    this.createSection.summary.hide();
    this.changes.ask(
      {
        question: t('admArchiveQuestion', { name: titleIn(agency.name, locale, t) }),
        yes: t('admConfirmArchive'),
        no: t('admCancel'),
      },
      opener,
      {
        context: () => this.ctx!,
        make: () => archiveAgency(agency.slug),
        done: () => {
          const { t, locale } = this.ctx!;
          return this.done(t('admArchived', { name: titleIn(agency.name, locale, t) }));
        },
        // Refused while it leads commitments: the API names them.
        argument: 'slug',
      },
    );
  }

  private async add(): Promise<void> {
    const context = this.ctx;
    if (!context) return;
    await this.busy.run(this.createSection.submit, async () => {
      this.create.problems.clear();
      this.changes.problems.clear();
      this.changes.status.textContent = '';
      try {
        const agency = await createAgency(this.create.read(null));
        this.createSection.form.reset();
        await this.done(
          context.t('admAgencyCreated', { name: titleIn(agency.name, context.locale, context.t) }),
        );
      } catch (error) {
        this.create.problems.showError(error, context);
      }
    });
  }

  private async save(): Promise<void> {
    const context = this.ctx;
    const current = this.editor.current;
    if (!context || !current) return;
    await this.busy.run(this.editor.section.submit, async () => {
      this.edit.problems.clear();
      try {
        const saved = await updateAgency(current.slug, this.edit.read(current));
        this.editor.close();
        this.changes.status.textContent = context.t('admAgencySaved', {
          name: titleIn(saved.name, context.locale, context.t),
        });
        context.navigate('/admin/agencies', { edit: null });
      } catch (error) {
        this.edit.problems.showError(error, context);
      }
    });
  }

  private async done(message: string): Promise<void> {
    const context = this.ctx!;
    this.agencies = this.ofCountry(await fetchAllAgencies());
    this.create.render(this.agencies, null, this.country, context.t, context.locale);
    this.renderList(context);
    this.changes.status.textContent = message;
  }

  /** The agencies of the country shown (all of them when there is no country to choose). */
  private ofCountry(agencies: AgencyRow[]): AgencyRow[] {
    return this.country
      ? agencies.filter((agency) => agency.countryCode === this.country)
      : agencies;
  }

  destroy(): void {
    this.element.remove();
  }
}
