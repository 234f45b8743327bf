package community.recommender.content.index;

import community.recommender.engine.model.ContentStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Answers editors' searches over the content index, with paging and facet counts. */
public final class ContentSearch {
  /** The most hits a search pages through; deeper pages are refused rather than slow. */
  public static final int MAX_DEPTH = 10_000;
  private static final int FACET_VALUES = 50;
  private static final Map<String, Float> FIELDS = Map.of(ContentDocuments.TITLE, 2f, ContentDocuments.TEXT, 1f);
  private static final Sort NEWEST_FIRST = new Sort(new SortField(ContentDocuments.UPDATED, SortField.Type.LONG, true),
      new SortedSetSortField(ContentDocuments.ID, false));
  private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE,
      new SortField(ContentDocuments.UPDATED, SortField.Type.LONG, true), new SortedSetSortField(ContentDocuments.ID, false));

  private final ContentIndex index;
  private final Analyzer analyzer = ContentAnalyzer.create();
  private SortedSetDocValuesReaderState facetState;

  public ContentSearch(ContentIndex index) {
    this.index = index;
  }

  /** The page of {@code request}'s matches, with facet counts over all its matches. */
  public ContentSearchResults search(ContentSearchRequest request) {
    if ((long) request.page() * request.size() > MAX_DEPTH) {
      throw new IllegalArgumentException("page × size may be at most " + MAX_DEPTH + "; narrow the search instead");
    }
    Query query = toLucene(request);
    Sort sort = request.order() != null ? sort(request.order()) : hasText(request) ? BEST_FIRST : NEWEST_FIRST;
    int depth = request.page() * request.size();
    return index.withSearcher(searcher -> {
      FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, depth, sort, true,
          new FacetsCollectorManager());
      TopDocs top = result.topDocs();
      List<ContentSearchResults.Hit> hits = new ArrayList<>();
      for (int i = (request.page() - 1) * request.size(); i < top.scoreDocs.length; i++) {
        ScoreDoc doc = top.scoreDocs[i];
        hits.add(new ContentSearchResults.Hit(
            ContentDocuments.toItem(searcher.storedFields().document(doc.doc)), Float.isNaN(doc.score) ? 0 : doc.score));
      }
      return new ContentSearchResults(top.totalHits.value, hits, facets(searcher, result.facetsCollector()));
    });
  }

  private Map<String, Map<String, Integer>> facets(IndexSearcher searcher, FacetsCollector collector)
      throws IOException {
    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
    SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
    Facets counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, collector);
    for (String dimension : List.of(ContentDocuments.KIND_FACET, ContentDocuments.TAG_FACET,
        ContentDocuments.REGION_FACET)) {
      Map<String, Integer> values = new LinkedHashMap<>();
      FacetResult result = counts == null ? null : counts.getTopChildren(FACET_VALUES, dimension);
      if (result != null) {
        for (LabelAndValue value : result.labelValues) {
          values.put(value.label, value.value.intValue());
        }
      }
      facets.put(dimension, values);
    }
    return facets;
  }

  /** The facet ordinals of {@code reader}, built once per reader: building them reads every facet value. */
  private synchronized SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    if (facetState == null || facetState.getReader() != reader) {
      try {
        facetState = new DefaultSortedSetDocValuesReaderState(reader, ContentDocuments.FACETS);
      } catch (IllegalArgumentException e) {
        // An index with no facet values yet, such as an empty one, has nothing to count.
        return null;
      }
    }
    return facetState;
  }

  Query toLucene(ContentSearchRequest request) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    Query text = hasText(request) ? new ContentQueryParser(analyzer, FIELDS).parse(request.text()) : null;
    q.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
    if (request.kind() != null) {
      q.add(term(ContentDocuments.KIND, request.kind().name()), Occur.FILTER);
    }
    if (request.tag() != null) {
      q.add(term(ContentDocuments.TAG, request.tag()), Occur.FILTER);
    }
    if (request.region() != null) {
      q.add(LuceneContentCatalog.regionFilter(request.region()), Occur.FILTER);
    }
    if (request.status() != null) {
      q.add(term(ContentDocuments.STATUS, request.status().name()), Occur.FILTER);
    } else {
      q.add(term(ContentDocuments.STATUS, ContentStatus.ARCHIVED.name()), Occur.MUST_NOT);
    }
    if (request.validAt() != null) {
      long at = request.validAt().toEpochMilli();
      q.add(LongField.newRangeQuery(ContentDocuments.VALID_FROM, Long.MIN_VALUE, at), Occur.FILTER);
      q.add(LongField.newRangeQuery(ContentDocuments.VALID_UNTIL, at, Long.MAX_VALUE), Occur.FILTER);
    }
    return q.build();
  }

  /** The Lucene sort for {@code order}, ties broken by id; items without a value sort as if it were open-ended. */
  static Sort sort(ContentOrder order) {
    boolean reverse = order.descending();
    SortField field = switch (order.field()) {
      case UPDATED_AT -> new SortField(ContentDocuments.UPDATED, SortField.Type.LONG, reverse);
      case TITLE -> new SortField(ContentDocuments.TITLE_ORDER, SortField.Type.STRING, reverse);
      case KIND -> new SortedSetSortField(ContentDocuments.KIND, reverse);
      case STATUS -> new SortedSetSortField(ContentDocuments.STATUS, reverse);
      case VALID_UNTIL -> new SortedNumericSortField(ContentDocuments.VALID_UNTIL, SortField.Type.LONG, reverse);
      case VALID_FROM -> new SortedNumericSortField(ContentDocuments.VALID_FROM, SortField.Type.LONG, reverse);
      case ID -> new SortedSetSortField(ContentDocuments.ID, reverse);
    };
    return new Sort(field, new SortedSetSortField(ContentDocuments.ID, false));
  }

  private static boolean hasText(ContentSearchRequest request) {
    return request.text() != null && !request.text().isBlank();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
