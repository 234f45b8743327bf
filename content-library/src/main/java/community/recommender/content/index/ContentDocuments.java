package community.recommender.content.index;

import community.recommender.content.format.ContentItemJson;
import community.recommender.content.rendering.PlatformFit;
import community.recommender.engine.model.ContentItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** Maps content items to Lucene documents and back. */
public final class ContentDocuments {
  static final String ID = "id";
  static final String KIND = "kind";
  static final String STATUS = "status";
  static final String TAG = "tag";
  static final String INTEREST = "interest";
  static final String REGION = "region";
  static final String LANGUAGE = "language";
  static final String VALID_FROM = "validFrom";
  static final String VALID_UNTIL = "validUntil";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String TITLE_ORDER = "titleOrder";
  static final String UPDATED = "updated";
  static final String SOURCE = "source";
  static final String POOL = "pool";
  static final String UNFIT = "unfitFor";

  /** Titles sort by their first this many characters; doc values hold at most 32 KB per value. */
  private static final int TITLE_ORDER_CHARS = 200;

  /** The region term of an item with no regions, so that "anywhere" is one term to filter on. */
  static final String ANY_REGION = "*";

  /** The facet dimensions: search answers count matches by kind, tag and region. */
  static final String KIND_FACET = "kind";
  static final String TAG_FACET = "tag";
  static final String REGION_FACET = "region";
  static final FacetsConfig FACETS = facetsConfig();

  private ContentDocuments() {}

  /** The Lucene document for {@code item}, with its facet fields built. */
  public static Document toDocument(ContentItem item) {
    try {
      return FACETS.build(fields(item));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document fields(ContentItem item) {
    Document doc = new Document();
    // Keyword fields: ids, tags and regions match exactly and are never analyzed.
    doc.add(new KeywordField(ID, item.getId(), Field.Store.YES));
    doc.add(new KeywordField(KIND, item.getKind().name(), Field.Store.NO));
    doc.add(new KeywordField(STATUS, item.getStatus().name(), Field.Store.NO));
    doc.add(new KeywordField(LANGUAGE, primaryLanguage(item.getLanguage()), Field.Store.NO));
    // One term for the pool a decision draws from (status, kind and language together), so
    // retrieval filters on one selective term instead of intersecting three broad ones.
    doc.add(new KeywordField(POOL, pool(item.getStatus().name(), item.getKind().name(), item.getLanguage()),
        Field.Store.NO));
    item.getTags().forEach(tag -> doc.add(new KeywordField(TAG, tag, Field.Store.NO)));
    item.getInterests().forEach(interest -> doc.add(new KeywordField(INTEREST, interest, Field.Store.NO)));
    // The platforms whose limits the item goes over, so retrieval for a group there leaves it out.
    PlatformFit.unfitPlatforms(item).forEach(p -> doc.add(new KeywordField(UNFIT, p.name(), Field.Store.NO)));
    if (item.getRegions().isEmpty()) {
      doc.add(new KeywordField(REGION, ANY_REGION, Field.Store.NO));
    }
    item.getRegions().forEach(region -> doc.add(new KeywordField(REGION, region, Field.Store.NO)));
    // Open validity windows are indexed as the widest range, so one range query covers every item.
    doc.add(new LongField(VALID_FROM, millis(item.getValidFrom(), Long.MIN_VALUE), Field.Store.NO));
    doc.add(new LongField(VALID_UNTIL, millis(item.getValidUntil(), Long.MAX_VALUE), Field.Store.NO));
    // The title is indexed alone as well, so that a match there can weigh more than one in the body.
    doc.add(new TextField(TITLE, item.getTitle(), Field.Store.NO));
    doc.add(new TextField(TEXT, String.join("\n", item.getTitle(), item.getBody(), String.join(" ", item.getTags()),
        String.join(" ", item.getInterests())), Field.Store.NO));
    doc.add(new NumericDocValuesField(UPDATED, millis(item.getUpdatedAt(), 0)));
    // The title once more, folded to lower case and cut short, only to list items in title order.
    doc.add(new SortedDocValuesField(TITLE_ORDER, new BytesRef(titleOrder(item.getTitle()))));
    doc.add(new SortedSetDocValuesFacetField(KIND_FACET, item.getKind().name()));
    item.getTags().forEach(tag -> doc.add(new SortedSetDocValuesFacetField(TAG_FACET, tag)));
    if (item.getRegions().isEmpty()) {
      doc.add(new SortedSetDocValuesFacetField(REGION_FACET, ANY_REGION));
    }
    item.getRegions().forEach(region -> doc.add(new SortedSetDocValuesFacetField(REGION_FACET, region)));
    doc.add(new StoredField(SOURCE, ContentItemJson.toJson(item)));
    return doc;
  }

  static ContentItem toItem(Document doc) {
    return ContentItemJson.fromJson(doc.get(SOURCE));
  }

  /** The pool term of items with this status, kind and language. */
  static String pool(String status, String kind, String language) {
    return status + "|" + kind + "|" + primaryLanguage(language);
  }

  /** The primary language subtag: {@code zh-CN} and {@code zh} both index as {@code zh}. */
  static String primaryLanguage(String language) {
    int dash = language.indexOf('-');
    return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
  }

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(TAG_FACET, true);
    config.setMultiValued(REGION_FACET, true);
    return config;
  }

  /** The title as it sorts: lower case, at most {@link #TITLE_ORDER_CHARS} characters. */
  static String titleOrder(String title) {
    String folded = title.strip().toLowerCase(java.util.Locale.ROOT);
    return folded.length() <= TITLE_ORDER_CHARS ? folded : folded.substring(0, TITLE_ORDER_CHARS);
  }

  private static long millis(Instant instant, long open) {
    return instant == null ? open : instant.toEpochMilli();
  }
}
