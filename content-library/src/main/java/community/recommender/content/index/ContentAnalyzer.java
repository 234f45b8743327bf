package community.recommender.content.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The analyzer for content text in Chinese and English alike.
 *
 * <p>SmartChineseAnalyzer segments Chinese into words (社群, 团购, 防霉) with its HMM dictionary
 * and passes Latin-script words through a Porter stemmer, so one analyzer serves both languages.
 */
public final class ContentAnalyzer {
  private ContentAnalyzer() {}

  /** A new analyzer; each index writer and query parser takes its own. */
  public static Analyzer create() {
    return new SmartChineseAnalyzer();
  }
}
