/**
 * Quotes and their speakers, sentence by sentence, in document order.
 *
 * Quoted passages are text in “curly” or "straight" quotes. Fragments of one
 * sentence separated only by a few narrator words ("“…of” the app “to allow…”")
 * are one quote; the narrator words are kept in [square brackets], the usual
 * convention for an editorial insertion. A quote is `direct` when it stands as
 * the sentence (optionally opened by And/So/But and closed by an attribution),
 * `partial` when it is embedded in the narrator's sentence or stitched from
 * fragments, and `indirect` for reported speech without quotation marks
 * ("X stressed that …", "…, underlines X").
 *
 * Speakers, in order of precedence:
 *  1. a cue verb (says, adds, boasts…) with its subject or inverted subject:
 *     a name ("says Bethany Allen, an expert at …"), a title + name, an
 *     organisation ("Huawei says"), a pronoun (→ the last named person) or
 *     "one" (→ a member of the group the previous sentences talk about);
 *  2. without a cue, the agent of a "by <organisation>" phrase, then the
 *     organisation the sentence is about (marketing phrases: "Caltta … an
 *     “incident response platform”");
 *  3. a continuation of the previous quote's speaker (same or next paragraph).
 * Anything but a named subject/object is flagged `inferred_attribution`.
 * A sentence that is nothing but a short quoted fragment (“repression”.) is
 * garbled text, not a quote: it is flagged and skipped.
 */
import { COMMON_NOUN_SUBJECTS, NOT_NAME_WORDS, PARTICIPLE_CUES, SPEAKER_CUES, TITLE_HEAD_WORDS } from '../entity-knowledge';
import { cleanPersonName, createPeopleMentions, hasOrganizationForm, type PeopleMentions } from './people-mentions';
import type { Quote, QuoteType, ReviewFlag } from '../types';
import { type EntityRegistry, ministryFromTitle } from './entities';
import { organizationInTitle, titledMentions, type TitledMention } from './title-affiliation';
import {
  type QuoteSpan,
  escapeRegExp,
  findQuoteSpans,
  maskQuotes,
  plainApostrophes,
  splitSentences,
  squash,
  truncate,
  wordCount,
} from './text';

/** Narrator words between two fragments that still make them one quote. */
const MAX_STITCH_WORDS = 4;
/** A sentence made only of a quoted fragment this short is garbled, not a quote. */
const MAX_DANGLING_WORDS = 3;

const CUE = new RegExp(`\\b(${SPEAKER_CUES.map(escapeRegExp).join('|')})\\b`);
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const CAPITAL_RUN_AT_END = new RegExp(String.raw`((?:${NAME_WORD}\s+)*${NAME_WORD})$`, 'u');
const CAPITAL_RUN_AT_START = new RegExp(String.raw`^\s+((?:${NAME_WORD}\s+)*${NAME_WORD})`, 'u');

type Speaker = {
  speaker?: string;
  speakerOrganization?: string;
  speakerDescription?: string;
  speakerTitleAtTime?: string;
};

type Method = 'named' | 'surname' | 'organization' | 'pronoun' | 'group' | 'agent' | 'subject' | 'continuation' | 'description' | 'unattributed';

type Attribution = Speaker & { method: Method; label: string; reason?: string };

/** Precision first: when the speaker cannot be known, the quote is kept without one and the reason goes to the editor. */
const unattributed = (reason: string): Attribution => ({
  method: 'unattributed',
  speakerDescription: 'unidentified speaker',
  label: 'no one',
  reason,
});

export type QuoteState = {
  quotes: Quote[];
  flags: ReviewFlag[];
  /** The last person named as a speaker, and when (on the mentions clock). */
  lastPerson?: { key: string; title?: string; at: number };
  last?: { attribution: Attribution; paragraph: number; at: number };
  /** Every person the story has named so far. */
  mentions: PeopleMentions;
  /** Sentences already read (most recent last), for resolving "one". */
  read: string[];
  /** People introduced as "<body> <title> <Name>", by name: their title and body, used once they speak. */
  titled: Map<string, TitledMention>;
};

export const createQuoteState = (): QuoteState => ({ quotes: [], flags: [], read: [], mentions: createPeopleMentions(), titled: new Map() });

const hasLetters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

type NamedPerson = { name: string; title?: string };

/** Split "Public Security Minister Wang Xiaohong" into title and name. */
const splitTitle = (run: string): NamedPerson | null => {
  const words = run.split(/\s+/).filter(Boolean);
  while (words.length > 0 && NOT_NAME_WORDS.includes(words[0])) words.shift();
  if (hasOrganizationForm(words.join(' '))) return null;
  let lastTitle = -1;
  words.forEach((word, index) => {
    if (TITLE_HEAD_WORDS.includes(word)) lastTitle = index;
  });
  const nameWords = words.slice(lastTitle + 1);
  if (nameWords.length < 2 || nameWords.length > 4) return null;
  // "IfW Kiel", "UCU Congress": an acronym or camel-cased word is a body's name, not a person's
  if (nameWords.some((word) => /^\p{Lu}{2,}$|\p{Ll}\p{Lu}/u.test(word.replace(/[.’']s?$/, '')))) return null;
  // "said Sundar Pichai." at the end of a sentence: the full stop is the sentence's, not the name's (unlike "Jr.")
  const name = nameWords.join(' ').replace(/(?<!\b(?:\p{Lu}|Jr|Sr))\.$/u, '');
  return { name, title: lastTitle >= 0 ? words.slice(0, lastTitle + 1).join(' ') : undefined };
};

/**
 * "an expert at the University of Texas" → { title: "expert", org: "the University of Texas" };
 * "executive vice president of the Brookings Institution and a former …" → the Brookings Institution;
 * "the UCU general secretary" → UCU. A "former" post is a title, never a current affiliation.
 */
export const parseAppositive = (text: string): { title?: string; org?: string } => {
  const clean = squash(text);
  const m =
    /^(?:an?\s+|the\s+)?(?<title>(?:\p{Lu}[\p{L}-]*\s+)*[\p{Ll}][\p{Ll}\s-]*?)\s+(?:at|of|in|with|from|for)\s+(?<org>(?:the\s+)?\p{Lu}[^,;]*?)(?:\s+and\s+.*)?$/u.exec(clean) ??
    /^the\s+(?<org>\p{Lu}[\p{L}&.’'-]*(?:\s+\p{Lu}[\p{L}&.’'-]*){0,5})\s+(?<title>\p{Ll}[\p{Ll}\s-]+)$/u.exec(clean) ??
    // "Microsoft’s president": the owner named before the possessive
    /^(?<org>\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,5})(?:'|’)s\s+(?<title>\p{Ll}[\p{Ll}\s-]+)$/u.exec(clean);
  if (!m?.groups) return {};
  const title = m.groups.title.trim();
  return /\b(?:former|ex-|retired|onetime)\b/i.test(title) ? { title } : { title, org: m.groups.org.trim() };
};

const personAttribution = (
  registry: EntityRegistry,
  state: QuoteState,
  person: NamedPerson,
  appositive?: string,
  ofOrg?: string,
): Attribution => {
  const app = appositive ? parseAppositive(appositive) : {};
  const titled = state.titled.get(person.name);
  const title = person.title ?? app.title ?? titled?.title;
  const orgText =
    app.org ??
    ofOrg ??
    titled?.org ??
    (person.title ? (ministryFromTitle(person.title) ?? organizationInTitle(person.title, (name) => registry.lookupOrg(name) !== undefined)) : undefined);
  const affiliation = orgText ? registry.resolveOrg(orgText) : undefined;
  const key = registry.addPerson({ name: person.name, jobTitle: title, affiliation });
  const stored = registry.person(key);
  state.mentions.add(person.name);
  state.lastPerson = { key, title: title ?? stored?.jobTitle, at: state.mentions.now() };
  return {
    method: 'named',
    speaker: key,
    speakerOrganization: stored?.affiliation,
    speakerTitleAtTime: title ?? stored?.jobTitle,
    label: person.name,
  };
};

const pronounAttribution = (state: QuoteState, pronoun: string, registry: EntityRegistry): Attribution => {
  if (/^(?:they|we)$/i.test(pronoun)) return unattributed(`the pronoun "${pronoun}" stands for a group, not a named speaker`);
  if (!state.lastPerson) {
    const sole = state.mentions.soleRecent();
    if (!sole) return unattributed(`the pronoun "${pronoun}" has no single named person before it`);
    const attribution = personAttribution(registry, state, { name: sole });
    return { ...attribution, method: 'pronoun', label: `${sole} (from the pronoun "${pronoun}": the one person named just before)` };
  }
  const person = registry.person(state.lastPerson.key);
  const between = state.mentions.others(state.lastPerson.at, person?.name ?? '');
  if (between.length > 0) {
    return unattributed(`the pronoun "${pronoun}" could mean ${person?.name ?? state.lastPerson.key} or ${between.join(', ')}, named since`);
  }
  return {
    method: 'pronoun',
    speaker: state.lastPerson.key,
    speakerOrganization: person?.affiliation,
    speakerTitleAtTime: state.lastPerson.title,
    label: `${person?.name ?? state.lastPerson.key} (from the pronoun "${pronoun}": last named person)`,
  };
};

/** "one boasts" → a member of the group the recent sentences describe ("At the company’s booth, representatives show off…"). */
const groupAttribution = (state: QuoteState, registry: EntityRegistry): Attribution | null => {
  for (const sentence of state.read.slice(-4).reverse()) {
    const m = /^(?:(?<loc>(?:At|In|On|Among|Inside)\s+[^,]+),\s*)?(?<group>\p{Ll}+s)\s+\p{Ll}+/u.exec(sentence);
    if (!m?.groups) continue;
    const singular = m.groups.group.replace(/ies$/, 'y').replace(/s$/, '');
    const loc = m.groups.loc ? ` ${m.groups.loc.charAt(0).toLowerCase()}${m.groups.loc.slice(1)}` : '';
    const description = plainApostrophes(`a ${singular}${loc}`);
    let organization: string | undefined;
    if (m.groups.loc) {
      const noun = /\bthe\s+(company|firm|institute|agency|ministry|group)\b/i.exec(m.groups.loc);
      organization = noun ? registry.resolveAnaphor(noun[1]) : registry.findOrgMentions(m.groups.loc)[0]?.key;
    }
    return { method: 'group', speakerDescription: description, speakerOrganization: organization, label: description };
  }
  return null;
};

const orgAttribution = (key: string, method: Method, registry: EntityRegistry): Attribution => ({
  method,
  speakerOrganization: key,
  label: registry.org(key)?.name ?? key,
});

/** The speaker of a sentence that has a cue verb at `cueIndex`. */
/** Verbs whose subject can follow them ("…, said Leigh Sears"); after "told" comes the listener, not the speaker. */
const INVERTIBLE = (cue: string): boolean => !/^(?:told|tells|asked|asks|urged)$/i.test(cue);

const NAME_RUN = String.raw`(?:${NAME_WORD}\s+){0,5}${NAME_WORD}`;
/** "Ann Lee, chief executive of a charity," before the cue: subject, appositive. */
const SUBJECT_WITH_APPOSITIVE = new RegExp(String.raw`(?:^|[.;:!?]\s+|\s{2,}|^\s*(?:and|but|so)\s+)(?<run>${NAME_RUN}),\s+(?<app>[^,]+?)(?:,\s+(?:who|which)\b[^,]*)?,$`, 'u');
const COMMON_SUBJECT = new RegExp(`\\b(?<noun>${COMMON_NOUN_SUBJECTS.map(escapeRegExp).join('|')})(?:\\s+(?:for|of|at)\\s+(?<org>(?:the\\s+)?\\p{Lu}[^,;]*?))?$`, 'iu');
/** "…, said one person during public comment" / "said another person": an unnamed speaker, described. */
const DESCRIBED_AFTER = /^\s+(?<who>(?:one|another|someone|somebody|a|an)\s+(?:person|man|woman|resident|caller|speaker|member|witness|official|employee|student|parent|neighbou?r|attendee|commenter|protester|voter)\b[^,.;]*)/i;

/** A lone surname ("Lee", "Ms. Gonzales"): the one person of that surname the story has named, else no one. */
const surnameAttribution = (registry: EntityRegistry, state: QuoteState, surname: string): Attribution => {
  const candidates = state.mentions.bySurname(surname);
  if (candidates.length === 1) {
    const attribution = personAttribution(registry, state, { name: candidates[0] });
    return { ...attribution, method: 'surname', label: `${candidates[0]} (from the surname "${surname}")` };
  }
  return unattributed(
    candidates.length === 0
      ? `"${surname}" is a surname the story has not given in full before`
      : `"${surname}" could be ${candidates.join(' or ')}`,
  );
};

/** A capitalised run right before or after the cue: a person, a surname, or an organisation's name. */
const attributeRun = (registry: EntityRegistry, state: QuoteState, run: string, appositive?: string, ofOrg?: string): Attribution | null => {
  const person = splitTitle(run);
  if (person) return personAttribution(registry, state, person, appositive, ofOrg);
  const bare = cleanPersonName(run);
  if (hasOrganizationForm(bare)) return orgAttribution(registry.resolveOrg(bare), 'organization', registry);
  if (!bare.includes(' ') && !NOT_NAME_WORDS.includes(bare)) return surnameAttribution(registry, state, bare);
  return null;
};

/** The speaker of a sentence that has a cue verb at `cueIndex`. */
const attributeWithCue = (
  masked: string,
  cue: RegExpExecArray,
  registry: EntityRegistry,
  state: QuoteState,
): Attribution | null => {
  const before = masked.slice(0, cue.index).trimEnd();
  const after = masked.slice(cue.index + cue[0].length);
  const cueWord = cue[1].toLowerCase();

  // subject directly before the cue: pronoun, "one", organisation, common noun, (title +) name, name + appositive
  const pronoun = /\b(she|he|they|we)$/i.exec(before);
  if (pronoun) return pronounAttribution(state, pronoun[1], registry);
  if (/\bone$/i.test(before)) return groupAttribution(state, registry);
  const orgBefore = registry.findOrgMentions(before).find((m) => m.end === before.length);
  if (orgBefore) return orgAttribution(orgBefore.key, 'organization', registry);
  const common = COMMON_SUBJECT.exec(before);
  if (common?.groups) {
    if (common.groups.org) return orgAttribution(registry.resolveOrg(common.groups.org), 'organization', registry);
    return { method: 'description', speakerDescription: plainApostrophes(common.groups.noun.toLowerCase()), label: common.groups.noun };
  }
  const runBefore = CAPITAL_RUN_AT_END.exec(before);
  if (runBefore && !/[,;:]$/.test(before)) {
    const preceding = before.slice(0, before.length - runBefore[1].length);
    // "Deputy Minister for Rural Affairs said": the run is the tail of a title or a body's name, not a person
    if (/\b(?:of|for|at|to|from|on)\s*$/.test(preceding)) return unattributed(`"${runBefore[1]}" ends a title or a body's name, not a person's`);
    const attribution = attributeRun(registry, state, runBefore[1]);
    if (attribution) return attribution;
  }
  const withAppositive = /,$/.test(before) ? SUBJECT_WITH_APPOSITIVE.exec(before) : null;
  if (withAppositive?.groups) {
    const person = splitTitle(withAppositive.groups.run);
    if (person) return personAttribution(registry, state, person, withAppositive.groups.app);
  }

  // inverted subject after the cue: says Bethany Allen, an expert at …
  if (INVERTIBLE(cueWord)) {
    const pronounAfter = /^\s+(she|he|they)\b/i.exec(after);
    if (pronounAfter) return pronounAttribution(state, pronounAfter[1], registry);
    const orgAfter = registry.findOrgMentions(after).find((m) => after.slice(0, m.start).trim().replace(/^the$/i, '') === '');
    if (orgAfter) return orgAttribution(orgAfter.key, 'organization', registry);
    const theBody = new RegExp(String.raw`^\s+the\s+(${NAME_RUN})`, 'u').exec(after);
    if (theBody && hasOrganizationForm(theBody[1])) return orgAttribution(registry.resolveOrg(theBody[1].replace(/[.,;:]+$/, '')), 'organization', registry);
    const described = DESCRIBED_AFTER.exec(after);
    if (described?.groups) return { method: 'description', speakerDescription: squash(described.groups.who), label: described.groups.who };
    const runAfter = CAPITAL_RUN_AT_START.exec(after);
    if (runAfter) {
      const rest = after.slice(runAfter[0].length);
      const appositive = /^\s*,\s*([^,.;]+)/.exec(rest)?.[1];
      const ofOrg = /^\s+of\s+((?:the\s+)?[^,.;]+)/.exec(rest)?.[1];
      const attribution = attributeRun(registry, state, runAfter[1], appositive, ofOrg);
      if (attribution) return attribution;
    }
  }

  // participles ("…, considering it …"): the agent named before
  if (!PARTICIPLE_CUES.includes(cueWord)) return null;
  const agentKey = agentAttribution(before, registry)?.key ?? registry.findOrgMentions(before).pop()?.key;
  return agentKey ? orgAttribution(agentKey, 'agent', registry) : null;
};

/** "… by the United States …" / "… by Washington …" → that organisation. */
const agentAttribution = (masked: string, registry: EntityRegistry): { key: string } | null => {
  const re = /\bby\s+/g;
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    const at = m.index + m[0].length;
    const mention = registry.findOrgMentions(masked).find((o) => o.start === at || (o.start === at + 4 && /^the\s/i.test(masked.slice(at))));
    if (mention) return { key: mention.key };
  }
  return null;
};

/** "The Irishman", "Once Upon A Time in Hollywood", "Climate Innovation Fund": a short run whose significant words are all capitalised. */
export const isQuotedTitle = (inner: string): boolean => {
  const words = inner.replace(/[.,;:!?]+$/, '').trim().split(/\s+/).filter(Boolean);
  const significant = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length >= 4);
  return words.length <= 8 && significant.length > 0 && significant.every((word) => /^[^\p{L}]*\p{Lu}/u.test(word));
};

/** The quoted passage is the whole sentence (give or take an opening connector). */
const isWholeSentence = (masked: string, span: QuoteSpan): boolean =>
  isConnectorOnly(masked.slice(0, span.start)) && /^\s*[.!?]?\s*$/.test(masked.slice(span.end));

const isConnectorOnly = (text: string): boolean => /^\s*(?:(?:and|so|but|then|yet)\s*)?$/i.test(text);

type Group = { spans: QuoteSpan[]; text: string };

/** Stitch fragments separated by a few narrator words into one quote. */
const groupSpans = (masked: string, spans: readonly QuoteSpan[]): Group[] => {
  const groups: Group[] = [];
  for (const span of spans) {
    const previous = groups[groups.length - 1];
    const gap = previous ? masked.slice(previous.spans[previous.spans.length - 1].end, span.start) : '';
    if (previous && wordCount(gap) <= MAX_STITCH_WORDS && !CUE.test(gap) && !/[.;!?]/.test(gap)) {
      previous.spans.push(span);
      previous.text = `${previous.text}${gap.trim() ? ` [${gap.trim()}] ` : ' '}${span.inner.trim()}`;
    } else {
      groups.push({ spans: [span], text: span.inner.trim() });
    }
  }
  return groups.map((g) => ({ ...g, text: g.text.replace(/[\s,]+$/, '') }));
};

const quoteTypeOf = (masked: string, group: Group): QuoteType => {
  if (group.spans.length > 1) return 'partial';
  const [span] = group.spans;
  const pre = masked.slice(0, span.start);
  const post = masked.slice(span.end);
  const postIsAttribution = /^\s*[.!?]?\s*$/.test(post) || CUE.test(post.split(/\s+/).slice(0, 6).join(' '));
  return isConnectorOnly(pre) && postIsAttribution ? 'direct' : 'partial';
};

const INDIRECT_CUE = new RegExp(
  `\\b(${SPEAKER_CUES.filter((c) => !PARTICIPLE_CUES.includes(c)).map(escapeRegExp).join('|')})\\b`,
);

const METHOD_NOTES: Partial<Record<Method, string>> = {
  pronoun: 'resolved from a pronoun to the last named person',
  group: 'unnamed speaker described from the preceding sentences',
  agent: 'attributed to the agent of a "by …" phrase (no cue verb)',
  subject: 'attributed to the organisation the sentence is about (no cue verb)',
  continuation: "no attribution in the sentence: continues the previous quote's speaker",
};

const pushQuote = (
  state: QuoteState,
  input: { text: string; quoteType: QuoteType; attribution: Attribution; cue?: string; context: string },
): void => {
  const position = state.quotes.length + 1;
  const { attribution } = input;
  const quote: Quote = {
    key: `quote-${String(position).padStart(2, '0')}`,
    text: input.text,
    quoteType: input.quoteType,
    position,
    context: input.context,
  };
  if (attribution.speaker) quote.speaker = attribution.speaker;
  if (attribution.speakerOrganization) quote.speakerOrganization = attribution.speakerOrganization;
  if (attribution.speakerDescription) quote.speakerDescription = attribution.speakerDescription;
  if (attribution.speakerTitleAtTime) quote.speakerTitleAtTime = attribution.speakerTitleAtTime;
  if (input.cue) quote.cue = input.cue;
  state.quotes.push(quote);
  if (attribution.method === 'unattributed') {
    state.flags.push({
      code: 'unattributed_quote',
      message: `Quote ${position} stored without a speaker: ${attribution.reason ?? 'the speaker could not be identified'}; an editor should attribute it`,
      path: `quotes[${position - 1}]`,
      excerpt: truncate(input.text),
    });
    return;
  }
  const note = METHOD_NOTES[attribution.method];
  if (note) {
    state.flags.push({
      code: 'inferred_attribution',
      message: `Quote ${position} attributed to ${attribution.label}: ${note}`,
      path: `quotes[${position - 1}]`,
      excerpt: truncate(input.text),
    });
  }
};

/** "A spokesperson for X said …", "The airline said …" without quotes: a speaker who is not the last named person. */
const noteOtherSpeaker = (sentence: string, registry: EntityRegistry, state: QuoteState): void => {
  const cue = CUE.exec(sentence);
  if (!cue) return;
  const before = sentence.slice(0, cue.index).trimEnd();
  const subject = COMMON_SUBJECT.exec(before)?.groups?.noun ?? registry.findOrgMentions(before).find((m) => m.end === before.length)?.text;
  if (subject) state.mentions.addOther(subject);
};

/** Reported speech without quotation marks. */
const extractIndirect = (sentence: string, registry: EntityRegistry, state: QuoteState, paragraph: number): void => {
  const cue = INDIRECT_CUE.exec(sentence);
  if (!cue) return;
  const cueWord = cue[1].toLowerCase();
  const before = sentence.slice(0, cue.index);
  const after = sentence.slice(cue.index + cue[0].length);

  // "<subject> stressed that <clause>"
  const that = /^\s+that\s+(.+?)[.!?]?$/.exec(after);
  if (that && !/,\s*$/.test(before)) {
    const attribution = attributeWithCue(sentence, cue, registry, state);
    if (attribution && !['agent', 'unattributed', 'description'].includes(attribution.method)) {
      pushQuote(state, { text: that[1].trim(), quoteType: 'indirect', attribution, cue: cueWord, context: sentence });
      state.last = { attribution, paragraph, at: state.mentions.now() };
    }
    return;
  }
  // "<clause>, underlines <Name>[, appositive]."
  const clause = /^(.+?),\s*$/.exec(before);
  if (clause && CAPITAL_RUN_AT_START.test(after)) {
    const attribution = attributeWithCue(sentence, cue, registry, state);
    if (attribution && attribution.method === 'named') {
      pushQuote(state, { text: clause[1].trim(), quoteType: 'indirect', attribution, cue: cueWord, context: sentence });
      state.last = { attribution, paragraph, at: state.mentions.now() };
    }
  }
};

/**
 * Read one paragraph (`paragraph` is its index among paragraphs, headings not
 * counted) and append its quotes to the state.
 */
export const extractQuotesFromParagraph = (
  text: string,
  paragraph: number,
  path: string,
  registry: EntityRegistry,
  state: QuoteState,
): void => {
  for (const sentence of splitSentences(text)) {
    registry.noteMentions(sentence);
    state.mentions.read(sentence);
    for (const mention of titledMentions(sentence)) if (!state.titled.has(mention.name)) state.titled.set(mention.name, mention);
    const spans = findQuoteSpans(sentence);
    const masked = maskQuotes(sentence, spans);

    if (spans.length === 0) {
      noteOtherSpeaker(sentence, registry, state);
      extractIndirect(sentence, registry, state, paragraph);
      state.read.push(sentence);
      continue;
    }

    const quotedWords = spans.reduce((n, s) => n + wordCount(s.inner), 0);
    if (!hasLetters(masked) && quotedWords <= MAX_DANGLING_WORDS) {
      state.flags.push({
        code: 'garbled_translation',
        message: `Dangling quoted fragment ${sentence} with no speaker or sentence around it: probably a truncated or mistranslated phrase. Kept verbatim in the body, not stored as a quote; an editor should fix or delete it.`,
        path,
        excerpt: sentence,
      });
      state.read.push(sentence);
      continue;
    }

    // titles and names in quotation marks ("Parasite", "Blue House") and one- or two-word scare quotes are not speech
    // a title or name in quotation marks ("Parasite", "Blue House") or a one- or two-word scare quote is not
    // speech — unless it sits inside the clause a named speaker's cue reports ("Huawei says it has deployed its “…”")
    const cue = CUE.exec(masked);
    const notSpeech = (span: QuoteSpan) => isQuotedTitle(span.inner) || (wordCount(span.inner) <= 2 && !isWholeSentence(masked, span));
    const reported = (group: Group) => cue !== null && group.spans[0].start > cue.index;
    const candidates = groupSpans(masked, spans).filter(
      (group) => !group.spans.every(notSpeech) || (reported(group) && group.spans.every((span) => isQuotedTitle(span.inner))),
    );
    if (candidates.length === 0) {
      noteOtherSpeaker(masked, registry, state);
      state.read.push(sentence);
      continue;
    }

    let attribution: Attribution | null = cue ? attributeWithCue(masked, cue, registry, state) : null;
    if (!attribution && !cue) {
      const agent = agentAttribution(masked, registry);
      if (agent) attribution = orgAttribution(agent.key, 'agent', registry);
    }
    if (!attribution && !cue) {
      const subject = registry.findOrgMentions(masked.slice(0, spans[0].start))[0];
      if (subject) attribution = orgAttribution(subject.key, 'subject', registry);
    }
    // a cue whose subject cannot be read is not a licence to reuse the previous speaker
    if (!attribution && cue) attribution = unattributed(`the cue "${cue[1]}" has no subject the parser can name`);
    if (!attribution && state.last && paragraph - state.last.paragraph <= 1) {
      const previous = state.last.attribution;
      const since = state.mentions.others(state.last.at, previous.speaker ? (registry.person(previous.speaker)?.name ?? '') : '');
      attribution =
        since.length > 0
          ? unattributed(`no speaker in the sentence, and ${since.join(', ')} named since the previous quote`)
          : { ...previous, method: 'continuation', label: previous.label.replace(/ \(.*\)$/, '') };
    }
    if (!attribution) attribution = unattributed('no speaker in the sentence or just before it');

    const resolved = !['unattributed', 'continuation'].includes(attribution.method);
    const speech = candidates.filter((group) => !group.spans.every(notSpeech) || (resolved && group.spans.every((span) => isQuotedTitle(span.inner))));
    for (const group of speech) {
      pushQuote(state, {
        text: group.text,
        quoteType: quoteTypeOf(masked, group),
        attribution,
        cue: cue ? cue[1].toLowerCase() : undefined,
        context: sentence,
      });
    }
    if (!attribution.speaker && attribution.method !== 'unattributed') state.mentions.addOther(attribution.label);
    if (attribution.method !== 'unattributed') state.last = { attribution, paragraph, at: state.mentions.now() };
    state.read.push(sentence);
  }
};
