'use strict';

/**
 * S4: the article page graph over GraphQL `articleBySlug` — the same fields as
 * the REST preset (src/domain/article-preset.ts).
 */
const ORG = 'documentId name slug orgType country wikidataId website';
const PERSON = `documentId name slug jobTitle expertType nationality wikidataId sameAs affiliation { ${ORG} }`;

const ARTICLE_PAGE_QUERY = `query ArticlePage($slug: String!) {
  articleBySlug(slug: $slug) {
    documentId headline slug uri standfirst body section dateline byline language translationMethod
    originalLanguage datePublished publishedAtText embargoedUntil publishedAt updatedAt createdAt
    credits { name role organization { ${ORG} } }
    leadImage { caption credit }
    corrections { date text }
    subjects { name uri rel }
    sourceAgency { ${ORG} }
    quotes(sort: "position:asc") {
      documentId text quoteType speakerDescription speakerTitleAtTime cue position context verificationStatus
      speaker { ${PERSON} }
      speakerOrganization { ${ORG} }
    }
    people { ${PERSON} }
    organizations { ${ORG} }
    sanctionRecords {
      documentId authorityCountry program measureType listingStatus startDate endDate listingDate
      reason delistingReason sourceUrl verificationStatus
      organization { ${ORG} }
      authority { ${ORG} }
    }
  }
}`;

module.exports = { ARTICLE_PAGE_QUERY };
