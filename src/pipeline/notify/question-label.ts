// How a question is labelled back to the requester: with the number or letter they used, so the
// acknowledgement reads "1. … 2. …" or "a) … b) …" exactly as their request did.

export function questionLabel(number: string | null, index: number): string {
  if (number === null || number === '') return `${index + 1}.`;
  if (/^\d+$/.test(number)) return `${number}.`;
  if (/^([a-z]|[ivxlc]+)$/i.test(number)) return `${number})`;
  return number.endsWith('.') || number.endsWith(')') ? number : `${number}.`;
}
