import { registerEnumType } from '@nestjs/graphql';

export enum LocaleArg {
  da = 'da',
  en = 'en',
}
registerEnumType(LocaleArg, {
  name: 'Locale',
  description: 'Danish (da) or English (en).',
  valuesMap: { da: { description: 'Danish' }, en: { description: 'English' } },
});
