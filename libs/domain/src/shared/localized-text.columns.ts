import { Column } from 'typeorm';

/** Bilingual text as two columns (`<name>_da`, `<name>_en`), either may be missing. */
export class LocalizedTextColumns {
  @Column({ type: 'text', nullable: true })
  da: string | null;

  @Column({ type: 'text', nullable: true })
  en: string | null;
}
