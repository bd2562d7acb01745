/**
 * The normalised form under which an organization's names are indexed:
 * case, accents, punctuation and a leading article do not make a new entity
 * ("The U.S. Treasury" and "U.S. Treasury" are one key).
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');

export const nameKeys = (names: readonly (string | null | undefined)[]): string[] => [
  ...new Set(names.filter((name): name is string => typeof name === 'string' && name.trim() !== '').map(nameKey).filter(Boolean)),
];
