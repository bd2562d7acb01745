import { parse } from 'graphql';
import { variablesThatCount } from '../../../src/graphql/limits';

/** The cost verdict is kept per document and per the variables it can depend on (src/graphql/limits.ts). */
describe('variablesThatCount', () => {
  it('when variables feed pagination, filters or a directive, then they count; a slug does not', () => {
    const document = parse(`query ($slug: String!, $n: Int, $f: ArticleFiltersInput, $x: Boolean!, $sort: [String]) {
      articleBySlug(slug: $slug) { headline quotes(sort: $sort) { text } }
      articles(pagination: { limit: $n }, filters: { and: [$f] }) { people @include(if: $x) { name } }
    }`);
    expect(variablesThatCount(document)).toEqual(['f', 'n', 'x']);
  });

  it('when a query has no such variables (the article page), then nothing counts: one verdict serves every slug', () => {
    expect(variablesThatCount(parse('query ($slug: String!) { articleBySlug(slug: $slug) { headline } }'))).toEqual([]);
  });
});
