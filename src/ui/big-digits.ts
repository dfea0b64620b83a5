// A five-line block font for the clock face, readable from across the table.

const GLYPHS: Record<string, string[]> = {
  '0': ['█████', '█   █', '█   █', '█   █', '█████'],
  '1': ['   █ ', '  ██ ', '   █ ', '   █ ', '  ███'],
  '2': ['█████', '    █', '█████', '█    ', '█████'],
  '3': ['█████', '    █', ' ████', '    █', '█████'],
  '4': ['█   █', '█   █', '█████', '    █', '    █'],
  '5': ['█████', '█    ', '█████', '    █', '█████'],
  '6': ['█████', '█    ', '█████', '█   █', '█████'],
  '7': ['█████', '    █', '   █ ', '  █  ', '  █  '],
  '8': ['█████', '█   █', '█████', '█   █', '█████'],
  '9': ['█████', '█   █', '█████', '    █', '█████'],
  ':': [' ', '█', ' ', '█', ' '],
  '+': ['     ', '  █  ', '█████', '  █  ', '     '],
};

export const BIG_HEIGHT = 5;

/** The rows of `text` in the block font; characters without a glyph are left out. */
export function bigText(text: string): string[] {
  const glyphs = [...text].map((ch) => GLYPHS[ch]).filter((g): g is string[] => g !== undefined);
  return Array.from({ length: BIG_HEIGHT }, (_, row) => glyphs.map((g) => g[row]!).join(' '));
}

/** How many columns `text` takes in the block font. */
export function bigWidth(text: string): number {
  return bigText(text)[0]!.length;
}
