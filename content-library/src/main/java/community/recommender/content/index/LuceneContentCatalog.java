package community.recommender.content.index;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Regions;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Platform;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** Retrieves decision candidates from the content index. */
public final class LuceneContentCatalog implements ContentCatalog {
  private static final int CACHED_ITEMS = 20_000;

  private final ContentIndex index;
  private final ContentItemCache cache = new ContentItemCache(CACHED_ITEMS);
  private final LongAdder searches = new LongAdder();
  private final LongAdder hitsRead = new LongAdder();

  public LuceneContentCatalog(ContentIndex index) {
    this.index = index;
  }

  /** How many Lucene searches the catalog has run: one per query, or per set of queries asked together (two when a page is left short). */
  public long searches() {
    return searches.sum();
  }

  /** How many hits the searches have read: documents that passed every filter and were weighed for a page. */
  public long hitsRead() {
    return hitsRead.sum();
  }

  /** How many hits' items were decoded from the index's stored fields because the item cache did not hold them. */
  public long itemsDecoded() {
    return cache.decoded();
  }

  @Override
  public List<ContentMatch> find(CandidateQuery query) {
    return pagesOf(List.of(query)).get(0);
  }

  /**
   * Answers queries that differ only in kind, tags and page together: the union of their kind and
   * tag filters, whose hits go to the pages of their kind whose tags they carry ({@link TaggedPages}).
   * A decision's needs cost one search, however many there are and of however many kinds (two when
   * the items serving the group's interests leave a page short; see {@link #bestHits}).
   */
  @Override
  public List<List<ContentMatch>> findEach(List<CandidateQuery> queries) {
    Map<Pool, List<Integer>> byPool = new LinkedHashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      byPool.computeIfAbsent(Pool.of(queries.get(i)), pool -> new ArrayList<>()).add(i);
    }
    List<List<ContentMatch>> pages = new ArrayList<>(Collections.nCopies(queries.size(), List.of()));
    byPool.values().forEach(members -> {
      List<List<ContentMatch>> found = pagesOf(members.stream().map(queries::get).toList());
      for (int i = 0; i < members.size(); i++) {
        pages.set(members.get(i), found.get(i));
      }
    });
    return pages;
  }

  /** The pages of {@code queries}, which share everything but their kind, tags and page. */
  private List<List<ContentMatch>> pagesOf(List<CandidateQuery> queries) {
    int[] depths = queries.stream().mapToInt(q -> Math.addExact(q.offset(), q.limit())).toArray();
    return index.withSearcher(searcher -> {
      List<ScoreDoc[]> hits = bestHits(searcher, queries, depths);
      List<List<ContentMatch>> pages = new ArrayList<>(queries.size());
      // Pages of overlapping tags share hits: each document is looked up once per search.
      Map<Integer, ContentItem> items = new HashMap<>();
      for (int page = 0; page < queries.size(); page++) {
        pages.add(matches(searcher, hits.get(page), queries.get(page).offset(), items));
      }
      return pages;
    });
  }

  /**
   * The best {@code depths} hits of each of {@code queries}' pages, as one search scoring a point per
   * interest would rank them (best first, ties in index order), found in two steps: only the items
   * serving one of the group's interests can score, so the search reads those alone, and only the
   * pages they leave short read on, in index order, among the items serving none. A page full of
   * items for the group's interests costs no read of the others.
   */
  private List<ScoreDoc[]> bestHits(IndexSearcher searcher, List<CandidateQuery> queries, int[] depths)
      throws IOException {
    CandidateQuery first = queries.get(0);
    List<String> interests = first.interests();
    if (interests.isEmpty()) {
      return collect(searcher, queries, depths, List.of(), q -> { });
    }
    List<ScoreDoc[]> best = new ArrayList<>(collect(searcher, queries, depths, interests,
        q -> q.add(interestPoints(interests), Occur.MUST)));
    List<Integer> shortPages = new ArrayList<>();
    for (int page = 0; page < depths.length; page++) {
      if (best.get(page).length < depths[page]) {
        shortPages.add(page);
      }
    }
    if (shortPages.isEmpty()) {
      return best;
    }
    int[] rest = shortPages.stream().mapToInt(page -> depths[page] - best.get(page).length).toArray();
    List<ScoreDoc[]> more = collect(searcher, shortPages.stream().map(queries::get).toList(), rest, List.of(),
        q -> interests.forEach(interest -> q.add(term(ContentDocuments.INTEREST, interest), Occur.MUST_NOT)));
    for (int i = 0; i < shortPages.size(); i++) {
      int page = shortPages.get(i);
      ScoreDoc[] joined = Arrays.copyOf(best.get(page), best.get(page).length + more.get(i).length);
      System.arraycopy(more.get(i), 0, joined, best.get(page).length, more.get(i).length);
      best.set(page, joined);
    }
    return best;
  }

  /**
   * One search for the pages of {@code queries}, {@code depths} deep, over the union of their kind and
   * tag filters, the group's other filters and what {@code scoring} adds, scoring as {@code interests} says.
   */
  private List<ScoreDoc[]> collect(IndexSearcher searcher, List<CandidateQuery> queries, int[] depths,
      List<String> interests, Consumer<BooleanQuery.Builder> scoring) throws IOException {
    Map<ContentKind, List<String>> tagsByKind = new LinkedHashMap<>();
    for (CandidateQuery query : queries) {
      tagsByKind.merge(query.kind(), query.tags(), LuceneContentCatalog::tagUnion);
    }
    BooleanQuery.Builder lucene = filters(queries.get(0), kindFilters(tagsByKind, queries.get(0).language()));
    scoring.accept(lucene);
    // A page asked alone takes every hit: the search's own filters are its kind and tags.
    List<List<String>> tags = queries.size() == 1 ? List.of(List.of())
        : queries.stream().map(CandidateQuery::tags).toList();
    List<String> kinds = queries.stream().map(q -> tagsByKind.size() == 1 ? null : q.kind().name()).toList();
    return collect(searcher, lucene.build(), new TaggedPages(tags, kinds, depths, interests));
  }

  private List<ScoreDoc[]> collect(IndexSearcher searcher, Query query, TaggedPages pages) throws IOException {
    searches.increment();
    List<ScoreDoc[]> hits = searcher.search(query, pages);
    hitsRead.add(pages.collected());
    return hits;
  }

  /** The tags two pages of one kind accept together: any tag when either accepts any. */
  private static List<String> tagUnion(List<String> one, List<String> other) {
    if (one.isEmpty() || other.isEmpty()) {
      return List.of();
    }
    Set<String> union = new LinkedHashSet<>(one);
    union.addAll(other);
    return List.copyOf(union);
  }

  /** The hits from {@code offset} on as matches, their items taken from {@code items} when already read. */
  private List<ContentMatch> matches(IndexSearcher searcher, ScoreDoc[] hits, int offset, Map<Integer, ContentItem> items)
      throws IOException {
    List<ContentMatch> matches = new ArrayList<>(Math.max(0, hits.length - offset));
    for (int i = offset; i < hits.length; i++) {
      ContentItem item = items.get(hits[i].doc);
      if (item == null) {
        item = cache.get(searcher, hits[i].doc);
        items.put(hits[i].doc, item);
      }
      matches.add(new ContentMatch(item, hits[i].score));
    }
    return matches;
  }

  /** What queries must share to be answered by one search: everything but their kind, tags and page. */
  private record Pool(List<String> interests, String region, String language, Instant at, Platform platform) {
    static Pool of(CandidateQuery query) {
      return new Pool(query.interests(), query.region(), query.language(), query.at(), query.platform());
    }
  }

  /**
   * One search for {@code query}'s page in one pass: its filters, and a point for each of its
   * interests an item serves, so items for the group's interests come first. The two-step search
   * ({@link #bestHits}) gives the pages this query ranks.
   */
  static Query toLucene(CandidateQuery query) {
    BooleanQuery.Builder q = filters(query, kindFilters(Map.of(query.kind(), query.tags()), query.language()));
    if (!query.interests().isEmpty()) {
      q.add(interestPoints(query.interests()), Occur.SHOULD);
    }
    return q.build();
  }

  /** A point for each of {@code interests} an item serves (an interest named twice counts twice). */
  private static Query interestPoints(List<String> interests) {
    BooleanQuery.Builder points = new BooleanQuery.Builder();
    interests.forEach(interest -> points.add(new ConstantScoreQuery(term(ContentDocuments.INTEREST, interest)),
        Occur.SHOULD));
    return points.build();
  }

  /** {@code kindFilters} and the rest of {@code query}'s filters, none of which scores; its kind and tags are not read. */
  private static BooleanQuery.Builder filters(CandidateQuery query, List<Query> kindFilters) {
    long at = query.at().toEpochMilli();
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    kindFilters.forEach(filter -> q.add(filter, Occur.FILTER));
    q.add(LongField.newRangeQuery(ContentDocuments.VALID_FROM, Long.MIN_VALUE, at), Occur.FILTER)
        .add(LongField.newRangeQuery(ContentDocuments.VALID_UNTIL, at, Long.MAX_VALUE), Occur.FILTER)
        .add(regionFilter(query.region()), Occur.FILTER);
    if (query.platform() != null) {
      q.add(term(ContentDocuments.UNFIT, query.platform().name()), Occur.MUST_NOT);
    }
    return q;
  }

  /**
   * The filters that keep published items in {@code language} of the kinds in {@code tagsByKind},
   * each carrying one of its kind's tags (none: any tag). One kind gives its pool term and its tags as
   * filters of their own; several give one filter, any of their kinds' conjunctions.
   */
  private static List<Query> kindFilters(Map<ContentKind, List<String>> tagsByKind, String language) {
    List<List<Query>> perKind = new ArrayList<>();
    tagsByKind.forEach((kind, tags) -> {
      List<Query> filters = new ArrayList<>(2);
      filters.add(term(ContentDocuments.POOL, ContentDocuments.pool(ContentStatus.PUBLISHED.name(), kind.name(),
          language)));
      if (!tags.isEmpty()) {
        filters.add(anyOf(ContentDocuments.TAG, tags));
      }
      perKind.add(filters);
    });
    if (perKind.size() == 1) {
      return perKind.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (List<Query> filters : perKind) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      filters.forEach(filter -> all.add(filter, Occur.FILTER));
      any.add(all.build(), Occur.SHOULD);
    }
    return List.of(new ConstantScoreQuery(any.build()));
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
