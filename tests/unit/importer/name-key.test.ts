import { nameKey, nameKeys } from '../../../src/importer/import/name-key';

describe('Given organization names spelled differently', () => {
  it('when normalised, then case, accents, punctuation and a leading "the" do not matter', () => {
    expect(nameKey('The U.S. Treasury')).toBe(nameKey('u s treasury'));
    expect(nameKey('Agence France-Presse')).toBe('agence france presse');
    expect(nameKey('Société Générale')).toBe('societe generale');
    expect(nameKey('Meiya Pico')).not.toBe(nameKey('SDIC Intelligence Xiamen Information'));
  });

  it('when a list holds blanks and duplicates, then each key appears once', () => {
    expect(nameKeys(['Huawei', 'HUAWEI', '', null, undefined, ' huawei '])).toEqual(['huawei']);
  });
});
