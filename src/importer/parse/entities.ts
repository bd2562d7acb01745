/**
 * People and organisations. Names are found in the text (attributions,
 * appositives, credits, "(formerly …)", "Name (ACRONYM)", "X Minister") and
 * normalised through the lexicon (src/importer/entity-knowledge.ts): canonical
 * name, type, country, parent. A name the lexicon does not know still becomes
 * an organisation (type "other") and is flagged `unknown_entity`.
 */
import {
  EXPERT_TYPE_BY_ORG_TYPE,
  KNOWN_ORGANIZATIONS,
  NATIONALITY_FROM_ORG_TYPES,
  type KnownOrganization,
} from '../entity-knowledge';
import type { ExpertType, Organization, OrgType, Person, ReviewFlag } from '../types';
import { escapeRegExp, slugify, squash } from './text';

export type OrgMention = { key: string; start: number; end: number; text: string };

type OrgDraft = {
  key: string;
  name: string;
  orgType: OrgType;
  country?: string;
  alternateNames: string[];
  previousNames: string[];
  parentOrganization?: string;
  wikidataId?: string;
};

type PersonDraft = Omit<Person, 'slug'>;

const stripArticle = (text: string): string => squash(text).replace(/^(?:the|The)\s+/, '');

const addUnique = (list: string[], value: string): void => {
  const v = squash(value);
  if (v && !list.some((item) => item.toLowerCase() === v.toLowerCase())) list.push(v);
};

export type EntityRegistry = ReturnType<typeof createEntityRegistry>;

export const createEntityRegistry = (lexicon: readonly KnownOrganization[] = KNOWN_ORGANIZATIONS) => {
  const known = new Map(lexicon.map((org) => [org.key, org]));
  const aliases = lexicon
    .flatMap((org) => [org.name, ...org.alternateNames, ...org.previousNames].map((alias) => ({ alias, key: org.key })))
    .sort((a, b) => b.alias.length - a.alias.length);
  const patternFor = (alias: string, key: string) => ({
    key,
    length: alias.length,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, 'gu'),
  });
  const aliasPatterns = aliases.map(({ alias, key }) => patternFor(alias, key));

  /** Names learnt from the text (ad-hoc organisations, "(formerly …)", "(ACR)") are matched from then on. */
  const learnAlias = (alias: string, key: string): void => {
    const bare = squash(alias);
    if (!bare || aliases.some((a) => a.alias === bare)) return;
    aliases.push({ alias: bare, key });
    aliases.sort((a, b) => b.alias.length - a.alias.length);
    aliasPatterns.push(patternFor(bare, key));
    aliasPatterns.sort((a, b) => b.length - a.length);
  };

  const orgs = new Map<string, OrgDraft>();
  const people = new Map<string, PersonDraft>();
  const flags: ReviewFlag[] = [];
  /** Every organisation mention in document order, for anaphora ("the company", "this institute"). */
  const history: string[] = [];

  const noteOrg = (key: string): string => {
    if (!orgs.has(key)) {
      const entry = known.get(key);
      if (!entry) throw new Error(`entity registry: unknown organization key "${key}"`);
      orgs.set(key, {
        key,
        name: entry.name,
        orgType: entry.orgType,
        country: entry.country,
        alternateNames: [...entry.alternateNames],
        previousNames: [...entry.previousNames],
        parentOrganization: entry.parentOrganization,
        wikidataId: entry.wikidataId,
      });
    }
    history.push(key);
    return key;
  };

  /** Non-overlapping lexicon matches in a text, longest alias first. */
  const findOrgMentions = (text: string): OrgMention[] => {
    const taken: OrgMention[] = [];
    for (const { key, re } of aliasPatterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const mention = { key, start: m.index, end: m.index + m[0].length, text: m[0] };
        if (!taken.some((t) => mention.start < t.end && t.start < mention.end)) taken.push(mention);
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  };

  /** Resolve a whole name ("the Ecuadorian police") to a lexicon key. */
  const lookupOrg = (name: string): string | undefined => {
    const bare = stripArticle(name);
    const exact = aliases.find((a) => a.alias === bare) ?? aliases.find((a) => a.alias.toLowerCase() === bare.toLowerCase());
    return exact?.key;
  };

  /** Resolve a name to an organisation, creating an ad-hoc one (flagged) if the lexicon does not know it. */
  const resolveOrg = (name: string, orgType: OrgType = 'other'): string => {
    const key = lookupOrg(name);
    if (key) return noteOrg(key);
    const bare = stripArticle(name);
    const adHoc = slugify(bare);
    if (!orgs.has(adHoc)) {
      orgs.set(adHoc, { key: adHoc, name: bare, orgType, alternateNames: [], previousNames: [] });
      learnAlias(bare, adHoc);
      flags.push({
        code: 'unknown_entity',
        message: `"${bare}" is not in the organisation lexicon: created with type "${orgType}" and no country; check name, type and country`,
        path: `organizations[key=${adHoc}]`,
        excerpt: bare,
      });
    }
    history.push(adHoc);
    return adHoc;
  };

  /** Note every lexicon organisation mentioned in a text (in order). */
  const noteMentions = (text: string): OrgMention[] => {
    const mentions = findOrgMentions(text);
    for (const mention of mentions) noteOrg(mention.key);
    return mentions;
  };

  const org = (key: string): OrgDraft | undefined => orgs.get(key);

  /**
   * "the company" → the last company mentioned; "this institute" → the last
   * organisation whose name contains "institute". Undefined when nothing fits.
   */
  const resolveAnaphor = (noun: string): string | undefined => {
    const word = noun.toLowerCase();
    for (let i = history.length - 1; i >= 0; i -= 1) {
      const draft = orgs.get(history[i]);
      if (!draft) continue;
      const names = [draft.name, ...draft.alternateNames, ...draft.previousNames].map((n) => n.toLowerCase());
      if ((word === 'company' || word === 'firm') && draft.orgType === 'company') return draft.key;
      if (names.some((n) => new RegExp(`\\b${escapeRegExp(word)}\\b`).test(n))) return draft.key;
    }
    return undefined;
  };

  /** "(formerly Meiya Pico)" → previous name of the organisation. */
  const addPreviousName = (key: string, previous: string): void => {
    const draft = orgs.get(key);
    if (draft && squash(previous).toLowerCase() !== draft.name.toLowerCase()) {
      addUnique(draft.previousNames, previous);
      learnAlias(previous, key);
    }
  };

  /** "Chinese Communist Party (CCP)" → alternate name. */
  const addAlternateName = (key: string, alternate: string): void => {
    const draft = orgs.get(key);
    if (draft && squash(alternate) !== draft.name && !draft.previousNames.includes(squash(alternate))) {
      addUnique(draft.alternateNames, alternate);
      learnAlias(alternate, key);
    }
  };

  const setParent = (key: string, parent: string): void => {
    const draft = orgs.get(key);
    if (draft && !draft.parentOrganization && key !== parent) draft.parentOrganization = parent;
  };

  const expertTypeFor = (affiliation: string | undefined, fallback: ExpertType): ExpertType => {
    const type = affiliation ? orgs.get(affiliation)?.orgType : undefined;
    return (type && EXPERT_TYPE_BY_ORG_TYPE[type]) || fallback;
  };

  /** Add (or enrich) a person. Expert type and nationality derive from the affiliation when not given. */
  const addPerson = (input: {
    name: string;
    jobTitle?: string;
    affiliation?: string;
    expertType?: ExpertType;
    nationality?: string;
  }): string => {
    const name = squash(input.name);
    const key = slugify(name);
    const existing = people.get(key);
    const affiliation = existing?.affiliation ?? input.affiliation;
    const affiliationOrg = affiliation ? orgs.get(affiliation) : undefined;
    const nationality =
      existing?.nationality ??
      input.nationality ??
      (affiliationOrg && NATIONALITY_FROM_ORG_TYPES.includes(affiliationOrg.orgType) ? affiliationOrg.country : undefined);
    people.set(key, {
      key,
      name,
      jobTitle: existing?.jobTitle ?? input.jobTitle,
      affiliation,
      expertType: existing?.expertType ?? input.expertType ?? expertTypeFor(affiliation, 'other'),
      nationality,
    });
    return key;
  };

  const person = (key: string): PersonDraft | undefined => people.get(key);

  /** Organisations, with every parent included, in order of first mention. */
  const organizations = (): Organization[] => {
    for (const draft of [...orgs.values()]) {
      let parent = draft.parentOrganization;
      while (parent && known.has(parent) && !orgs.has(parent)) {
        noteOrg(parent);
        parent = orgs.get(parent)?.parentOrganization;
      }
    }
    return [...orgs.values()].map((draft) => {
      const out: Organization = {
        key: draft.key,
        name: draft.name,
        slug: slugify(draft.name),
        alternateNames: [...draft.alternateNames],
        previousNames: [...draft.previousNames],
        orgType: draft.orgType,
      };
      if (draft.country) out.country = draft.country;
      if (draft.parentOrganization && orgs.has(draft.parentOrganization)) out.parentOrganization = draft.parentOrganization;
      if (draft.wikidataId) out.wikidataId = draft.wikidataId;
      return out;
    });
  };

  const peopleList = (): Person[] =>
    [...people.values()].map((draft) => {
      const out: Person = { key: draft.key, name: draft.name, slug: slugify(draft.name), expertType: draft.expertType };
      if (draft.jobTitle) out.jobTitle = draft.jobTitle;
      if (draft.affiliation) out.affiliation = draft.affiliation;
      if (draft.nationality) out.nationality = draft.nationality;
      return out;
    });

  return {
    noteOrg,
    noteMentions,
    findOrgMentions,
    lookupOrg,
    resolveOrg,
    resolveAnaphor,
    addPreviousName,
    addAlternateName,
    setParent,
    addPerson,
    person,
    org,
    organizations,
    people: peopleList,
    flags: (): ReviewFlag[] => [...flags],
  };
};

const ORG_NAME_RUN = String.raw`(?:\p{Lu}[\p{L}\p{N}&.'’-]*)(?:\s+(?:of|for|on|and|de|the|\p{Lu}[\p{L}\p{N}&.'’-]*))*`;

/**
 * Generic derivations from one paragraph: "X (formerly Y)" → previous name;
 * "X (ACR)" → alternate name; "X of the Y" (both organisations) → parent.
 */
export const deriveOrganizationFacts = (paragraph: string, registry: EntityRegistry): void => {
  const formerly = new RegExp(String.raw`(?<![\p{L}\p{N}])(?<name>${ORG_NAME_RUN})\s*\(\s*(?:formerly known as|formerly|previously|ex-)\s+(?<previous>[^)]+?)\s*\)`, 'gu');
  for (let m = formerly.exec(paragraph); m; m = formerly.exec(paragraph)) {
    const groups = m.groups ?? {};
    const name = stripArticle(groups.name.replace(/^(?:One of them|Another exhibitor),?\s*/i, ''));
    const key = registry.resolveOrg(name, 'company');
    registry.addPreviousName(key, groups.previous);
  }

  const acronym = new RegExp(String.raw`(?<name>${ORG_NAME_RUN})\s*\(\s*(?<acr>\p{Lu}{2,8})\s*\)`, 'gu');
  for (let m = acronym.exec(paragraph); m; m = acronym.exec(paragraph)) {
    const groups = m.groups ?? {};
    const mentions = registry.findOrgMentions(groups.name);
    const last = mentions[mentions.length - 1];
    if (last && last.end === groups.name.length) {
      registry.noteOrg(last.key);
      registry.addAlternateName(last.key, groups.acr);
    }
  }

  for (const mention of registry.findOrgMentions(paragraph)) {
    const after = paragraph.slice(mention.end);
    const parentMatch = /^\s+of\s+the\s+/.exec(after);
    if (!parentMatch) continue;
    const next = registry.findOrgMentions(paragraph).find((m) => m.start === mention.end + parentMatch[0].length);
    if (next) registry.setParent(mention.key, next.key);
  }
};

/** "Public Security Minister" → "Ministry of Public Security"; "Minister of Defence" → "Ministry of Defence". */
export const ministryFromTitle = (title: string): string | undefined => {
  const prefixed = /^(.+?)\s+Minister$/.exec(title.trim());
  // "Prime Minister", "Tunisian Prime Minister", "Deputy Minister": a rank, not a portfolio
  if (prefixed && !/\b(?:Prime|Deputy|Vice|Foreign|First)$/.test(prefixed[1])) return `Ministry of ${prefixed[1]}`;
  const suffixed = /^Minister\s+(?:of|for)\s+(.+)$/.exec(title.trim());
  return suffixed ? `Ministry of ${suffixed[1]}` : undefined;
};
