package community.recommender.content.index;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.Regions;
import community.recommender.engine.model.ContentStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Retrieves decision candidates from the content index. */
public final class LuceneContentCatalog implements ContentCatalog {
  private static final int CACHED_ITEMS = 20_000;

  private final ContentIndex index;
  private final ContentItemCache cache = new ContentItemCache(CACHED_ITEMS);

  public LuceneContentCatalog(ContentIndex index) {
    this.index = index;
  }

  @Override
  public List<ContentMatch> find(CandidateQuery query) {
    Query lucene = toLucene(query);
    return index.withSearcher(searcher -> {
      // Lucene breaks ties by document order, so equal items come in the same order on every page.
      TopDocs top = searcher.search(lucene, Math.addExact(query.offset(), query.limit()));
      List<ContentMatch> matches = new ArrayList<>();
      ScoreDoc[] hits = top.scoreDocs;
      for (int i = query.offset(); i < hits.length; i++) {
        matches.add(new ContentMatch(cache.get(searcher, hits[i].doc), hits[i].score));
      }
      return matches;
    });
  }

  static Query toLucene(CandidateQuery query) {
    long at = query.at().toEpochMilli();
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(term(ContentDocuments.POOL,
            ContentDocuments.pool(ContentStatus.PUBLISHED.name(), query.kind().name(), query.language())), Occur.FILTER)
        .add(LongField.newRangeQuery(ContentDocuments.VALID_FROM, Long.MIN_VALUE, at), Occur.FILTER)
        .add(LongField.newRangeQuery(ContentDocuments.VALID_UNTIL, at, Long.MAX_VALUE), Occur.FILTER)
        .add(regionFilter(query.region()), Occur.FILTER);
    if (!query.tags().isEmpty()) {
      q.add(anyOf(ContentDocuments.TAG, query.tags()), Occur.FILTER);
    }
    if (query.platform() != null) {
      q.add(term(ContentDocuments.UNFIT, query.platform().name()), Occur.MUST_NOT);
    }
    // Each shared interest adds one point, so items for the group's interests come first.
    for (String interest : query.interests()) {
      q.add(new ConstantScoreQuery(term(ContentDocuments.INTEREST, interest)), Occur.SHOULD);
    }
    return q.build();
  }

  /** Items for anywhere, for the group's region, or for any region containing it ({@code CN-SH}). */
  static Query regionFilter(String region) {
    List<String> accepted = new ArrayList<>();
    accepted.add(ContentDocuments.ANY_REGION);
    accepted.addAll(Regions.andEnclosing(region));
    return anyOf(ContentDocuments.REGION, accepted);
  }

  private static Query anyOf(String field, List<String> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(value -> any.add(term(field, value), Occur.SHOULD));
    return any.build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
