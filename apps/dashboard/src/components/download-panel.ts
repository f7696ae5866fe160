import type { Locale } from '@ogp/common';
import type { PageContext } from '../app/page';
import { h } from '../dom';
import { FormField } from '../forms/field';
import { labelledForm } from '../forms/form';
import type { MessageKey } from '../i18n';
import '../styles/forms.css';
import '../styles/downloads.css';

// The "Download" panel of a plan's pages: the plan's exports (`/api/plans/:slug/export.<format>`) in a language
// and as of a day the reader chooses. The link is same-origin, so the session cookie goes with it: a signed-in
// reviewer gets what they may read.

/** The export formats, in the order offered; each is the end of its route (`export.<format>`). */
export const EXPORT_FORMATS = ['csv', 'irm.csv', 'xlsx', 'json', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CSV_FORMATS: readonly ExportFormat[] = ['csv', 'irm.csv'];

const FORMAT_TEXTS: Record<ExportFormat, { label: MessageKey; hint: MessageKey; short: string }> = {
  csv: { label: 'dlFormatCsv', hint: 'dlFormatCsvHint', short: 'CSV' },
  'irm.csv': { label: 'dlFormatIrmCsv', hint: 'dlFormatIrmCsvHint', short: 'IRM CSV' },
  xlsx: { label: 'dlFormatXlsx', hint: 'dlFormatXlsxHint', short: 'XLSX' },
  json: { label: 'dlFormatJson', hint: 'dlFormatJsonHint', short: 'JSON' },
  pdf: { label: 'dlFormatPdf', hint: 'dlFormatPdfHint', short: 'PDF' },
  docx: { label: 'dlFormatDocx', hint: 'dlFormatDocxHint', short: 'DOCX' },
};

export interface ExportChoice {
  lang: Locale;
  /** YYYY-MM-DD, or null for today's state. */
  asOf: string | null;
  /** CSV only: a byte order mark first, for Excel. */
  bom: boolean;
}

/** The address of one export of a plan. */
export function exportHref(slug: string, format: ExportFormat, choice: ExportChoice): string {
  const params = new URLSearchParams({ lang: choice.lang });
  if (choice.asOf) params.set('asOf', choice.asOf);
  if (choice.bom && CSV_FORMATS.includes(format)) params.set('bom', '1');
  return `/api/plans/${encodeURIComponent(slug)}/export.${format}?${params.toString()}`;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** The panel: created with its page, rendered with it (its choices kept while the page's language and day stay). */
export class DownloadPanel {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { id: 'downloads-heading' });
  private readonly intro = h('p', { class: 'summary', id: 'downloads-intro' });
  private readonly legend = h('legend');
  private readonly formats = new Map<
    ExportFormat,
    { input: HTMLInputElement; label: HTMLLabelElement; hint: HTMLElement }
  >();
  private readonly language = new FormField(h('select', { name: 'lang' }), { id: 'download-lang' });
  private readonly asOf = new FormField(h('input', { type: 'date', name: 'asOf' }), {
    id: 'download-as-of',
  });
  private readonly bom = h('input', { type: 'checkbox', id: 'download-bom', name: 'bom' });
  private readonly bomLabel = h('label', { for: 'download-bom' });
  private readonly bomHint = h('p', { class: 'field-hint', id: 'download-bom-hint' });
  private readonly bomField = h(
    'div',
    { class: 'download-bom' },
    h('div', { class: 'choice' }, this.bom, this.bomLabel),
    this.bomHint,
  );
  private readonly note = h('p', { class: 'download-note', id: 'download-note' });
  private readonly link = h('a', { id: 'download-link', class: 'button-link', download: '' });
  private readonly form = labelledForm('download-form', 'downloads-heading', 'form download-form');
  private slug = '';
  private context: PageContext | null = null;
  /** The page's language and day the choices were last set from. */
  private pageState: string | null = null;

  constructor() {
    const options = EXPORT_FORMATS.map((format) => {
      const id = `download-format-${format.replace('.', '-')}`;
      const input = h('input', {
        type: 'radio',
        name: 'download-format',
        value: format,
        id,
        'aria-describedby': `${id}-hint`,
        checked: format === 'csv',
      });
      const label = h('label', { for: id });
      const hint = h('p', { class: 'field-hint', id: `${id}-hint` });
      this.formats.set(format, { input, label, hint });
      input.addEventListener('change', () => this.update());
      return h(
        'div',
        { class: 'download-format' },
        h('div', { class: 'choice' }, input, label),
        hint,
      );
    });
    this.language.control.append(
      h('option', { value: 'da', lang: 'da' }, 'Dansk'),
      h('option', { value: 'en', lang: 'en' }, 'English'),
    );
    this.bom.setAttribute('aria-describedby', 'download-bom-hint');
    this.form.append(
      h(
        'fieldset',
        { class: 'field choices download-formats', id: 'download-format' },
        this.legend,
        h('div', { class: 'download-format-list' }, ...options),
      ),
      h('div', { class: 'download-options' }, this.language.element, this.asOf.element),
      this.bomField,
      this.note,
      h('div', { class: 'form-actions' }, this.link),
    );
    for (const control of [this.language.control, this.asOf.control, this.bom]) {
      control.addEventListener('input', () => this.update());
      control.addEventListener('change', () => this.update());
    }
    // Enter in a field downloads, as the link does; a day in the future is said at its field instead.
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.check()) this.link.click();
    });
    this.link.addEventListener('click', (event) => {
      if (!this.check()) {
        event.preventDefault();
        this.asOf.control.focus();
      }
    });
    this.element = h(
      'section',
      { id: 'downloads', class: 'download-panel', 'aria-labelledby': 'downloads-heading' },
      this.heading,
      this.intro,
      this.form,
    );
  }

  /** In the page's language; the language and day follow the page's unless only the data changed. */
  render(slug: string, context: PageContext): void {
    const { t, locale } = context;
    this.slug = slug;
    this.context = context;
    const state = `${locale}|${context.asOf ?? ''}`;
    if (this.pageState !== state) {
      this.pageState = state;
      this.language.control.value = locale;
      this.asOf.control.value = context.asOf ?? '';
      this.asOf.setError(null);
    }
    this.heading.textContent = t('dlHeading');
    this.intro.textContent = t('dlIntro');
    this.legend.textContent = t('dlFormat');
    for (const [format, parts] of this.formats) {
      parts.label.textContent = t(FORMAT_TEXTS[format].label);
      parts.hint.textContent = t(FORMAT_TEXTS[format].hint);
    }
    this.language.setLabel(t('dlLanguage'));
    this.asOf.setLabel(t('dlAsOf')).setHint(t('dlAsOfHint'));
    this.asOf.control.max = today();
    if (this.asOf.hasError) this.asOf.setError(t('dlAsOfFuture'));
    this.bomLabel.textContent = t('dlBom');
    this.bomHint.textContent = t('dlBomHint');
    this.note.textContent = t('dlSignedInNote');
    this.update();
  }

  get format(): ExportFormat {
    for (const [format, parts] of this.formats) if (parts.input.checked) return format;
    return 'csv';
  }

  private choice(): ExportChoice {
    const lang = this.language.control.value === 'en' ? 'en' : 'da';
    return { lang, asOf: this.asOf.control.value || null, bom: this.bom.checked };
  }

  /** The link as the choices now are; the byte order mark is offered for CSV only. */
  private update(): void {
    const context = this.context;
    if (!context) return;
    const format = this.format;
    this.bomField.hidden = !CSV_FORMATS.includes(format);
    this.link.href = exportHref(this.slug, format, this.choice());
    this.link.textContent = context.t('dlDownload', { format: FORMAT_TEXTS[format].short });
    if (this.asOf.hasError && this.validDay()) this.asOf.setError(null);
  }

  private validDay(): boolean {
    const value = this.asOf.control.value;
    return !value || value <= today();
  }

  /** Whether the day can be used; if not, says so at its field. */
  private check(): boolean {
    if (this.validDay()) return true;
    this.asOf.setError(this.context?.t('dlAsOfFuture') ?? null);
    return false;
  }
}
