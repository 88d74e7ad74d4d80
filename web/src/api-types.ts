/** The API's answers, as the server declares them (type-only: nothing of the server reaches the bundle). */
export type { ArticleResponse, FacetCounts, SearchHit, SearchResponse } from '../../server/search/service.js';
export type { Suggestion, SuggestResponse } from '../../server/search/suggest.js';
