/**
 * A news site's search page built with stock InstantSearch widgets and Meilisearch's own InstantSearch client
 * (instantsearch.js + @meilisearch/instant-meilisearch from npm), pointed at izde's /meili: nothing izde-specific
 * but the address. It is the example of docs/embedding.md; the e2e run serves it from another origin.
 * `?host=http://izde.example/meili` (and `&key=…` when IZDE_PUBLIC_KEY is set).
 */
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import instantsearch from 'instantsearch.js';
import {
  configure,
  currentRefinements,
  hits,
  pagination,
  rangeSlider,
  refinementList,
  searchBox,
  stats,
} from 'instantsearch.js/es/widgets/index.js';

/** The fields izde's /meili returns for an article. */
type Article = {
  id: string;
  title: string;
  body: string;
  date: string | null;
  year: number | null;
  source: string | null;
  org: string[];
};

/** What InstantSearch gives an item template (its own types do not resolve under NodeNext from `es/`). */
interface ItemParams {
  html: (strings: TemplateStringsArray, ...values: unknown[]) => unknown;
  components: Record<'Highlight' | 'Snippet', (props: { hit: Article; attribute: keyof Article }) => unknown>;
}

const params = new URLSearchParams(location.search);
const host = params.get('host') ?? 'http://localhost:3000/meili';
const { searchClient } = instantMeiliSearch(host, params.get('key') ?? '');

const search = instantsearch({ indexName: 'articles', searchClient });
search.addWidgets([
  configure({ hitsPerPage: 3, attributesToSnippet: ['body:24'] }),
  searchBox({ container: '#searchbox', placeholder: 'Іздеу… / Поиск…' }),
  stats({ container: '#stats' }),
  currentRefinements({ container: '#current' }),
  refinementList({ container: '#org', attribute: 'org', searchable: true }),
  refinementList({ container: '#year', attribute: 'year', searchable: true, sortBy: ['name:desc'] }),
  rangeSlider({ container: '#years', attribute: 'year', pips: false }),
  hits({
    container: '#hits',
    templates: {
      item: (hit: Article, { html, components }: ItemParams) => html`
        <article>
          <h3>${components.Highlight({ hit, attribute: 'title' })}</h3>
          <p class="meta">${hit.date ?? hit.year ?? ''} · ${hit.source ?? ''} · ${(hit.org ?? []).join(', ')}</p>
          <p>${components.Snippet({ hit, attribute: 'body' })}</p>
        </article>
      `,
    },
  }),
  pagination({ container: '#pagination' }),
]);
search.start();
