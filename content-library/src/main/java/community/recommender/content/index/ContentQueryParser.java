package community.recommender.content.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Parses what an editor types into the search box; never fails on syntax.
 *
 * <p>Each word must match. Chinese is written without spaces, and the analyzer may cut a word such
 * as 社群 into single characters; so a word that analyses into several tokens must match them as a
 * phrase, in order and adjacent, rather than anywhere in the text. Quotes, {@code -} to exclude
 * and {@code |} for either remain available.
 */
final class ContentQueryParser extends SimpleQueryParser {

  ContentQueryParser(Analyzer analyzer, Map<String, Float> weights) {
    super(analyzer, weights);
    setDefaultOperator(Occur.MUST);
  }

  @Override
  protected Query newDefaultQuery(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Map.Entry<String, Float> field : weights.entrySet()) {
      Query query = createPhraseQuery(field.getKey(), text);
      if (query != null) {
        any.add(field.getValue() == 1f ? query : new BoostQuery(query, field.getValue()), Occur.SHOULD);
      }
    }
    BooleanQuery built = any.build();
    return built.clauses().isEmpty() ? null : built;
  }
}
