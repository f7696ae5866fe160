import type { Locale } from '@ogp/common';
import { h } from '../dom';
import type { Translate } from '../i18n';

// Agencies belong to a country, and each plan names only its own country's: the administrator screens show the
// agencies of one country at a time, chosen here (`?country=DK` in the address).

/** "Danmark (DK)" in the page's language; the code alone where the browser knows no name for it. */
export function countryName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale === 'da' ? 'da-DK' : 'en-GB'], {
      type: 'region',
    }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The country the address names, if it is one offered; else the first offered. */
export function chosenCountry(query: URLSearchParams, countries: readonly string[]): string | null {
  const asked = query.get('country');
  return asked && countries.includes(asked) ? asked : (countries[0] ?? null);
}

/** A small form choosing the country: a labelled select and a button (the list changes only when asked). */
export class CountryChoice {
  readonly element: HTMLFormElement;
  private readonly label: HTMLLabelElement;
  private readonly select: HTMLSelectElement;
  private readonly button = h('button', { type: 'submit', class: 'secondary' });

  constructor(prefix: string, onChoose: (country: string) => void) {
    this.select = h('select', { id: `${prefix}-country`, name: 'country' });
    this.label = h('label', { for: this.select.id });
    this.element = h(
      'form',
      { class: 'country-choice', id: `${prefix}-country-form` },
      this.label,
      ' ',
      this.select,
      ' ',
      this.button,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      onChoose(this.select.value);
    });
  }

  render(countries: readonly string[], chosen: string | null, t: Translate, locale: Locale): void {
    this.label.textContent = t('admCountry');
    this.button.textContent = t('admCountryShow');
    this.select.replaceChildren(
      ...countries.map((code) =>
        h('option', { value: code, selected: code === chosen }, countryName(code, locale)),
      ),
    );
    this.element.hidden = countries.length < 2;
  }
}
