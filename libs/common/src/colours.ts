import { Completion, MilestoneStatus } from './enums';

// Okabe-Ito hues, darkened where needed: told apart by most colour-blind readers, and each at least 3:1
// against white (WCAG 1.4.11, non-text contrast). Charts also carry a table and labels, so colour is never
// the only cue.

/** Never reported / no evidence: neutral grey. */
export const NO_DATA_COLOUR = '#767676';

export const COMPLETION_COLOURS: Readonly<Record<Completion, string>> = {
  [Completion.NO_EVIDENCE]: NO_DATA_COLOUR,
  [Completion.NOT_STARTED]: '#aa3377',
  [Completion.LIMITED]: '#d55e00',
  [Completion.SUBSTANTIAL]: '#0072b2',
  [Completion.COMPLETE]: '#008060',
};

export const STATUS_COLOURS: Readonly<Record<MilestoneStatus | 'NO_DATA', string>> = {
  NO_DATA: NO_DATA_COLOUR,
  [MilestoneStatus.NOT_STARTED]: '#aa3377',
  [MilestoneStatus.IN_PROGRESS]: '#0072b2',
  [MilestoneStatus.COMPLETED]: '#008060',
  // Darker than NO_DATA so "cancelled" and "never reported" do not look alike.
  [MilestoneStatus.CANCELLED]: '#4d4d4d',
};

/** Milestone timelines: the planned period (drawn as a light fill inside this outline) and the actual one. */
export const TIMELINE_COLOURS = {
  planned: COMPLETION_COLOURS[Completion.SUBSTANTIAL],
  actual: COMPLETION_COLOURS[Completion.COMPLETE],
} as const;

/** The status colour, with the no-data grey for a milestone never reported. */
export function statusColour(status: MilestoneStatus | null): string {
  return STATUS_COLOURS[status ?? 'NO_DATA'];
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

function channels(hex: string): [number, number, number] {
  const match = HEX.exec(hex);
  if (!match)
    throw new RangeError(`Expected a colour written #rgb or #rrggbb, got ${JSON.stringify(hex)}`);
  const digits =
    match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return [0, 2, 4].map((offset) => parseInt(digits.slice(offset, offset + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
}

/** WCAG 2 relative luminance (sRGB). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) =>
    channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 (same colour) to 21 (black on white); the order of the colours does not matter. */
export function contrastRatio(hexA: string, hexB: string): number {
  const a = relativeLuminance(hexA);
  const b = relativeLuminance(hexB);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
