import type { Locale } from '@ogp/common';
import {
  archiveAgency,
  createAgency,
  fetchAllAgencies,
  updateAgency,
  type AgencyInput,
  type AgencyRow,
} from '../api/admin';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { dataTable, h } from '../dom';
import { Confirmation } from '../forms/confirmation';
import { ErrorSummary } from '../forms/error-summary';
import { FormField, textField } from '../forms/field';
import { Busy } from '../forms/form';
import { fieldTarget, FormProblems } from '../forms/form-problems';
import { FormSection } from '../forms/form-section';
import type { Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { srOnly, textIn, titleIn } from './review';

/** The fields of an agency, for the new-agency form and the edit form alike. */
class AgencyFields {
  readonly slug: FormField;
  readonly nameDa: FormField;
  readonly nameEn: FormField;
  readonly abbreviation: FormField;
  readonly parent: FormField<HTMLSelectElement>;
  readonly problems: FormProblems;

  constructor(
    prefix: string,
    readonly summary: ErrorSummary,
  ) {
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
    });
  }

  elements(): HTMLElement[] {
    return [
      h('div', { class: 'ra-pair' }, this.nameDa.element, this.nameEn.element),
      h('div', { class: 'ra-pair' }, this.slug.element, this.abbreviation.element),
      this.parent.element,
    ];
  }

  render(agencies: AgencyRow[], exclude: string | null, t: Translate, locale: Locale): void {
    this.nameDa.setLabel(t('admNameDa'));
    this.nameEn.setLabel(t('admNameEn')).setHint(t('admNameHint'));
    this.slug.setLabel(t('admSlug')).setHint(t('admSlugHint'));
    this.abbreviation.setLabel(t('admAbbreviation'));
    this.parent.setLabel(t('admParent'));
    const chosen = this.parent.control.value;
    this.parent.control.replaceChildren(
      h('option', { value: '' }, t('admNoParent')),
      ...agencies
        .filter((agency) => agency.slug !== exclude)
        .map((agency) => h('option', { value: agency.slug }, titleIn(agency.name, locale))),
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
  // A live region of the page's own: it outlives the re-render after a change, so the message is heard.
  private readonly status = h('p', {
    class: 'ra-success',
    id: 'agencies-success',
    role: 'status',
    tabindex: '-1',
  });
  private readonly createSection = new FormSection(
    {
      section: 'agency-new',
      heading: 'agency-create-heading',
      summary: 'agency-new-errors',
      form: 'agency-create',
    },
    () => this.add(),
  );
  private readonly create = new AgencyFields('agency-new', this.createSection.summary);
  private readonly editSection = new FormSection(
    {
      section: 'agency-edit',
      heading: 'agency-edit-heading',
      summary: 'agency-edit-errors',
      form: 'agency-edit-form',
    },
    () => this.save(),
    { focusableHeading: true, hidden: true },
  );
  private readonly edit = new AgencyFields('agency-edit', this.editSection.summary);
  private readonly editCancel = h('a');
  private editing: AgencyRow | null = null;
  private readonly confirm = new Confirmation('agency-confirm');
  private readonly listSummary = new ErrorSummary('agencies-errors');
  private readonly listProblems = new FormProblems(this.listSummary, {});
  private readonly listSection = h('section', {
    id: 'agencies',
    'aria-labelledby': 'agencies-heading',
  });
  private agencies: AgencyRow[] = [];
  private ctx: PageContext | null = null;
  private readonly busy = new Busy();

  constructor() {
    this.createSection.fill(this.create.elements());
    this.editSection.fill(this.edit.elements(), this.editCancel);
    this.element = h(
      'div',
      { class: 'admin-agencies' },
      this.heading,
      this.intro,
      this.status,
      this.listSummary.element,
      this.confirm.element,
      this.editSection.element,
      this.listSection,
      this.createSection.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal } = context;
    const agencies = await fetchAllAgencies(signal);
    if (signal.aborted) return { title: '' };
    this.agencies = agencies;
    this.heading.textContent = t('admAgenciesTitle');
    this.intro.textContent = t('admAgenciesIntro');
    this.createSection.heading.textContent = t('admNewAgency');
    this.create.render(agencies, null, t, locale);
    this.createSection.submit.textContent = t('admCreateAgency');
    this.renderEdit(context);
    this.renderList(context);
    return { title: t('admAgenciesTitle') };
  }

  private renderEdit(context: PageContext): void {
    const { t, locale } = context;
    const slug = context.query.get('edit');
    const agency = this.agencies.find((a) => a.slug === slug) ?? null;
    this.editSection.element.hidden = !agency;
    if (!agency) {
      this.editing = null;
      return;
    }
    this.editSection.heading.textContent = t('admEditAgency', {
      name: titleIn(agency.name, locale),
    });
    this.edit.render(this.agencies, agency.slug, t, locale);
    this.editSection.submit.textContent = t('admSaveAgency');
    this.editCancel.textContent = t('admCancel');
    this.editCancel.href = context.href('/admin/agencies');
    // Fill the form only when another agency is opened: a re-render keeps what the admin typed.
    if (this.editing?.slug !== agency.slug) {
      this.edit.problems.clear();
      this.edit.fill(agency);
      if (!context.live) setTimeout(() => this.editSection.heading.focus(), 0);
    }
    this.editing = agency;
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
            const name = titleIn(agency.name, locale);
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
                { text: agency.parent ? titleIn(agency.parent.name, locale) : t('admNone') },
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
    this.listProblems.clear();
    this.confirm.ask(
      {
        question: t('admArchiveQuestion', { name: titleIn(agency.name, locale) }),
        yes: t('admConfirmArchive'),
        no: t('admCancel'),
      },
      opener,
      () => void this.archive(agency),
    );
  }

  private archive(agency: AgencyRow): Promise<void> {
    const context = this.ctx!;
    return this.busy.run(null, async () => {
      try {
        await archiveAgency(agency.slug);
        this.confirm.close();
        await this.done(context.t('admArchived', { name: titleIn(agency.name, context.locale) }));
        this.status.focus();
      } catch (error) {
        this.confirm.close();
        // Refused while it leads commitments: the API names them.
        this.listProblems.showError(error, context, 'slug');
      }
    });
  }

  private async add(): Promise<void> {
    const context = this.ctx;
    if (!context) return;
    await this.busy.run(this.createSection.submit, async () => {
      this.create.problems.clear();
      this.status.textContent = '';
      try {
        const agency = await createAgency(this.create.read(null));
        this.createSection.form.reset();
        await this.done(
          context.t('admAgencyCreated', { name: titleIn(agency.name, context.locale) }),
        );
      } catch (error) {
        this.create.problems.showError(error, context);
      }
    });
  }

  private async save(): Promise<void> {
    const context = this.ctx;
    const current = this.editing;
    if (!context || !current) return;
    await this.busy.run(this.editSection.submit, async () => {
      this.edit.problems.clear();
      try {
        const saved = await updateAgency(current.slug, this.edit.read(current));
        this.editing = null;
        this.status.textContent = context.t('admAgencySaved', {
          name: titleIn(saved.name, context.locale),
        });
        context.navigate('/admin/agencies', { edit: null });
      } catch (error) {
        this.edit.problems.showError(error, context);
      }
    });
  }

  private async done(message: string): Promise<void> {
    const context = this.ctx!;
    this.agencies = await fetchAllAgencies();
    this.create.render(this.agencies, null, context.t, context.locale);
    this.renderList(context);
    this.status.textContent = message;
  }

  destroy(): void {
    this.element.remove();
  }
}
