// A team whose old tracker already used our reference format (FOI-2025-00012) brings references our own
// counter would make again. The counter must then carry on after the highest imported one of each year.

export interface CounterFloor {
  /** The configured reference format the imported references are in (FOI_REFERENCE_FORMAT or a mailbox's). */
  format: string;
  /** The `{year}` of the references; null for a format without one (its counter must pass them every year). */
  year: number | null;
  /** The highest sequence number imported: the counter's next value must be above it. */
  sequence: number;
}

function formatPattern(format: string): { pattern: RegExp; hasYear: boolean } {
  let hasYear = false;
  let hasSeq = false;
  // A placeholder written twice captures once (a named group may not repeat).
  const source = format.split(/(\{year\}|\{seq(?::\d+)?\})/).map((part) => {
    if (part === '{year}') {
      const group = hasYear ? '\\d{4}' : '(?<year>\\d{4})';
      hasYear = true;
      return group;
    }
    if (/^\{seq(:\d+)?\}$/.test(part)) {
      const group = hasSeq ? '\\d+' : '(?<seq>\\d+)';
      hasSeq = true;
      return group;
    }
    return part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }).join('');
  return { pattern: new RegExp(`^${source}$`, 'i'), hasYear };
}

/** For each format and year, the highest sequence among the references that are in that format. */
export function referenceCounterFloors(references: readonly string[], formats: readonly string[]): CounterFloor[] {
  const floors = new Map<string, CounterFloor>();
  for (const format of formats) {
    const { pattern, hasYear } = formatPattern(format);
    for (const reference of references) {
      const groups = pattern.exec(reference.trim())?.groups;
      if (!groups?.seq) continue;
      const year = hasYear ? Number(groups.year) : null;
      const sequence = Number(groups.seq);
      if (!Number.isSafeInteger(sequence)) continue;
      const key = `${format}\u0000${year ?? ''}`;
      const floor = floors.get(key);
      if (!floor || floor.sequence < sequence) floors.set(key, { format, year, sequence });
    }
  }
  return [...floors.values()];
}
