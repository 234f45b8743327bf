package community.recommender.content.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

/**
 * Collects, in one pass over a search's hits, the best hits of several pages that differ only in
 * the kind of content and the tags they accept: each hit joins the page of every tag set it carries
 * a tag of, among the pages of its kind.
 *
 * <p>Each page keeps its best {@code depth} hits by score, ties going to the smaller document, which
 * is the order a search for that page alone would give. A hit's tags are read from the tag field's
 * doc values, so the search itself needs only the union of the pages' tag filters.
 *
 * <p>A hit scores one point for each of the query's interests it carries. Once every page is full of
 * hits that score as much as any document of a segment can, the rest of that segment cannot change a
 * page, and its collection stops there: in a library where each item serves one interest, a page is
 * settled by its first items for the group's interests instead of by reading every item.
 */
final class TaggedPages implements CollectorManager<TaggedPages.PageCollector, List<ScoreDoc[]>> {
  /** The kind ordinal of a page that takes any kind; every real ordinal is 0 or more. */
  private static final long ANY_KIND = -1;
  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc);

  private final List<List<String>> tags;
  private final List<String> kinds;
  private final int[] depths;
  private final List<String> interests;
  /** The hits the search passed to the collectors, counted when they are reduced. */
  private long collected;

  /**
   * Pages accepting {@code tags} each (empty: any tag), each {@code depths} hits deep, of a search
   * that scores a point for each of {@code interests} (a list, so an interest named twice counts twice).
   */
  TaggedPages(List<List<String>> tags, int[] depths, List<String> interests) {
    this(tags, Collections.nCopies(tags.size(), null), depths, interests);
  }

  /**
   * As {@link #TaggedPages(List, int[], List)}, each page accepting only the kind of content named
   * in {@code kinds} (null: any kind the search finds).
   */
  TaggedPages(List<List<String>> tags, List<String> kinds, int[] depths, List<String> interests) {
    this.tags = tags;
    this.kinds = kinds;
    this.depths = depths;
    this.interests = interests;
  }

  /** How many hits the search passed to the pages, once it has run. */
  long collected() {
    return collected;
  }

  @Override
  public PageCollector newCollector() {
    return new PageCollector();
  }

  @Override
  public List<ScoreDoc[]> reduce(Collection<PageCollector> collectors) {
    List<ScoreDoc[]> pages = new ArrayList<>(tags.size());
    collectors.forEach(collector -> collected += collector.collected);
    for (int page = 0; page < tags.size(); page++) {
      List<ScoreDoc> hits = new ArrayList<>();
      for (PageCollector collector : collectors) {
        HitQueue queue = collector.queues[page];
        while (queue.size() > 0) {
          hits.add(queue.pop());
        }
      }
      hits.sort(BEST_FIRST);
      pages.add(hits.subList(0, Math.min(depths[page], hits.size())).toArray(ScoreDoc[]::new));
    }
    return pages;
  }

  /** The best hits of every page within one slice of the index. */
  final class PageCollector implements Collector {
    private final HitQueue[] queues = new HitQueue[tags.size()];
    private float minCompetitive;
    private long collected;

    PageCollector() {
      for (int page = 0; page < queues.length; page++) {
        queues[page] = new HitQueue(depths[page], false);
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      float ceiling = ceiling(context);
      if (settledAt(ceiling)) {
        throw new CollectionTerminatedException();
      }
      SortedSetDocValues docTags = DocValues.getSortedSet(context.reader(), ContentDocuments.TAG);
      long[][] accepted = new long[tags.size()][];
      for (int page = 0; page < accepted.length; page++) {
        accepted[page] = ordinals(docTags, tags.get(page));
      }
      SortedSetDocValues docKind = kinds.stream().allMatch(Objects::isNull) ? null
          : DocValues.getSortedSet(context.reader(), ContentDocuments.KIND);
      long[] kindOf = new long[kinds.size()];
      for (int page = 0; page < kindOf.length; page++) {
        kindOf[page] = docKind == null || kinds.get(page) == null ? ANY_KIND : kindOrdinal(docKind, kinds.get(page));
      }
      return new LeafCollector() {
        private Scorable scorer;
        private long[] carried = new long[8];

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          if (minCompetitive > 0) {
            scorer.setMinCompetitiveScore(minCompetitive);
          }
        }

        @Override
        public void collect(int doc) throws IOException {
          collected++;
          float score = scorer.score();
          long kind = docKind != null && docKind.advanceExact(doc) ? docKind.nextOrd() : ANY_KIND;
          int count = 0;
          if (docTags.advanceExact(doc)) {
            count = docTags.docValueCount();
            if (carried.length < count) {
              carried = new long[count];
            }
            for (int i = 0; i < count; i++) {
              carried[i] = docTags.nextOrd();
            }
          }
          boolean added = false;
          for (int page = 0; page < queues.length; page++) {
            if ((kindOf[page] == ANY_KIND || kindOf[page] == kind)
                && (accepted[page] == null || carriesAny(carried, count, accepted[page]))) {
              HitQueue queue = queues[page];
              if (queue.size() < depths[page] || score > queue.top().score) {
                queue.insertWithOverflow(new ScoreDoc(context.docBase + doc, score));
                added = true;
              }
            }
          }
          if (added) {
            raiseMinCompetitive();
            if (settledAt(ceiling)) {
              throw new CollectionTerminatedException();
            }
          }
        }

        /** Once every page is full, a hit must beat the weakest page's last hit to count anywhere. */
        private void raiseMinCompetitive() throws IOException {
          float least = Float.POSITIVE_INFINITY;
          for (int page = 0; page < queues.length; page++) {
            if (queues[page].size() < depths[page]) {
              return;
            }
            least = Math.min(least, queues[page].top().score);
          }
          float next = Math.nextUp(least);
          if (next > minCompetitive) {
            minCompetitive = next;
            scorer.setMinCompetitiveScore(next);
          }
        }
      };
    }

    /**
     * Whether every page is full of hits scoring at least {@code ceiling}: a later document scores no
     * more and comes after them, so it enters no page.
     */
    private boolean settledAt(float ceiling) {
      for (int page = 0; page < queues.length; page++) {
        HitQueue queue = queues[page];
        if (queue.size() < depths[page] || queue.top().score < ceiling) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The most any document of this segment can score. The index's statistics tell when each document
   * serves one interest at most (as many postings as documents); then a document scores at most
   * as often as the query names one interest, and otherwise at most once for each interest named.
   */
  private float ceiling(LeafReaderContext context) throws IOException {
    Terms served = context.reader().terms(ContentDocuments.INTEREST);
    if (served == null || interests.isEmpty()) {
      return 0;
    }
    if (served.getSumDocFreq() != served.getDocCount()) {
      return interests.size();
    }
    int most = 0;
    for (String interest : interests) {
      most = Math.max(most, Collections.frequency(interests, interest));
    }
    return most;
  }

  /** The ordinal of {@code kind} in this segment, or one no document carries when none is of that kind. */
  private static long kindOrdinal(SortedSetDocValues docKind, String kind) throws IOException {
    long ord = docKind.lookupTerm(new BytesRef(kind));
    return ord >= 0 ? ord : Long.MIN_VALUE;
  }

  /** The ordinals of {@code values} in this segment, or null for any value. */
  private static long[] ordinals(SortedSetDocValues docTags, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> found = new ArrayList<>();
    for (String value : values) {
      long ord = docTags.lookupTerm(new BytesRef(value));
      if (ord >= 0) {
        found.add(ord);
      }
    }
    return found.stream().mapToLong(Long::longValue).toArray();
  }

  private static boolean carriesAny(long[] carried, int count, long[] accepted) {
    for (int i = 0; i < count; i++) {
      for (long ord : accepted) {
        if (carried[i] == ord) {
          return true;
        }
      }
    }
    return false;
  }
}
