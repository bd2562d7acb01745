'use strict';

/**
 * The baseline for S6: what a team writes without our importer. One
 * `strapi.documents(uid)` call per entity, no transaction, find-by-slug before
 * create so shared entities are not duplicated (the unique indexes would refuse
 * them anyway). Same bundles, same end state (drafts), same document
 * middlewares (domain validation, organization name index).
 */
const UID = {
  article: 'api::article.article',
  quote: 'api::quote.quote',
  expert: 'api::expert.expert',
  organization: 'api::organization.organization',
  sanctionRecord: 'api::sanction-record.sanction-record',
};

const orNull = (value) => (value === undefined ? null : value);

const naiveImportBundle = async (strapi, bundle) => {
  const docs = (uid) => strapi.documents(uid);
  const findBy = (uid, filters) => docs(uid).findFirst({ filters, status: 'draft', fields: ['documentId'] });

  const orgs = new Map();
  for (const org of bundle.organizations) {
    const existing = await findBy(UID.organization, { slug: org.slug });
    const doc =
      existing ??
      (await docs(UID.organization).create({
        data: {
          name: org.name,
          slug: org.slug,
          orgType: org.orgType,
          country: orNull(org.country),
          website: orNull(org.website),
          wikidataId: orNull(org.wikidataId),
          description: orNull(org.description),
          alternateNames: org.alternateNames ?? [],
          previousNames: org.previousNames ?? [],
        },
      }));
    orgs.set(org.key, doc.documentId);
  }

  const people = new Map();
  for (const person of bundle.people) {
    const existing = await findBy(UID.expert, { slug: person.slug });
    const doc =
      existing ??
      (await docs(UID.expert).create({
        data: {
          name: person.name,
          slug: person.slug,
          jobTitle: orNull(person.jobTitle),
          expertType: person.expertType,
          nationality: orNull(person.nationality),
          wikidataId: orNull(person.wikidataId),
          affiliation: person.affiliation ? orgs.get(person.affiliation) : null,
        },
      }));
    people.set(person.key, doc.documentId);
  }

  const sanctions = [];
  for (const record of bundle.sanctions) {
    const organization = orgs.get(record.organization);
    const authority = orgs.get(record.authority);
    const existing = await findBy(UID.sanctionRecord, {
      organization: { documentId: organization },
      authority: { documentId: authority },
      program: record.program ?? { $null: true },
      startDate: record.startDate ?? { $null: true },
    });
    const doc =
      existing ??
      (await docs(UID.sanctionRecord).create({
        data: {
          organization,
          authority,
          authorityCountry: record.authorityCountry,
          program: orNull(record.program),
          measureType: record.measureType,
          listingStatus: record.status,
          startDate: orNull(record.startDate),
          reason: orNull(record.reason),
          sourceUrl: orNull(record.sourceUrl),
          verificationStatus: record.verificationStatus,
        },
      }));
    sanctions.push(doc.documentId);
  }

  const { article } = bundle;
  const created = await docs(UID.article).create({
    data: {
      headline: article.headline,
      slug: article.slug,
      uri: article.uri,
      standfirst: orNull(article.standfirst),
      body: article.body,
      section: orNull(article.section),
      dateline: orNull(article.dateline),
      byline: orNull(article.byline),
      language: article.language ?? 'en',
      translationMethod: article.translationMethod ?? 'original',
      datePublished: orNull(article.datePublished),
      credits: (article.credits ?? []).map((credit) => ({
        name: credit.name,
        role: credit.role,
        organization: credit.organization ? orgs.get(credit.organization) : null,
      })),
      leadImage: article.leadImage ?? null,
      subjects: article.subjects ?? [],
      sourceAgency: article.sourceAgency ? orgs.get(article.sourceAgency) : null,
      people: [...people.values()],
      organizations: bundle.organizations.filter((org) => org.orgType !== 'news_agency').map((org) => orgs.get(org.key)),
      sanctionRecords: sanctions,
    },
  });

  for (const quote of bundle.quotes) {
    await docs(UID.quote).create({
      data: {
        text: quote.text,
        quoteType: quote.quoteType,
        speakerTitleAtTime: orNull(quote.speakerTitleAtTime),
        cue: orNull(quote.cue),
        position: quote.position,
        context: orNull(quote.context),
        article: created.documentId,
        speaker: quote.speaker ? people.get(quote.speaker) : null,
        speakerOrganization: quote.speakerOrganization ? orgs.get(quote.speakerOrganization) : null,
      },
    });
  }
  return created.documentId;
};

module.exports = { naiveImportBundle, UID };
