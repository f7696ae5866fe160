import { h } from '../../dom';
import { FormField, textField, uniqueId } from '../../forms/field';
import type { Translate } from '../../i18n';

/** One evidence link row: url and title, removable. */
export class EvidenceRow {
  readonly element: HTMLFieldSetElement;
  readonly legend = h('legend');
  readonly url: FormField<HTMLInputElement>;
  readonly title: FormField<HTMLInputElement>;
  readonly remove = h('button', { type: 'button', class: 'secondary remove-row' });

  constructor(onRemove: (row: EvidenceRow) => void) {
    const id = uniqueId('evidence');
    this.url = textField(`${id}-url`, { type: 'url', name: 'evidence-url', spellcheck: 'false' });
    this.title = textField(`${id}-title`, { name: 'evidence-title' });
    this.element = h(
      'fieldset',
      { class: 'evidence-row', id },
      this.legend,
      this.url.element,
      this.title.element,
      this.remove,
    );
    this.remove.addEventListener('click', () => onRemove(this));
  }

  relabel(t: Translate, index: number): void {
    this.legend.textContent = t('reportEvidenceRowLegend', { number: index + 1 });
    this.url.setLabel(t('reportEvidenceUrl'));
    this.url.setHint(t('reportEvidenceUrlHint'));
    this.title.setLabel(t('reportEvidenceTitle'));
    this.remove.textContent = t('reportEvidenceRemove', { number: index + 1 });
  }
}
