package community.recommender.content.rendering;

import java.util.Objects;

/**
 * One formatted span of a text, in Telegram's terms.
 *
 * @param type {@code bold}, {@code italic}, {@code code}, {@code pre}, {@code text_link} or {@code blockquote}
 * @param offset where the span starts, in UTF-16 code units
 * @param length how long it is, in UTF-16 code units
 * @param url the target of a {@code text_link}, else null
 * @param language the language of a {@code pre} block, else null
 */
public record TextEntity(String type, int offset, int length, String url, String language) {

  public TextEntity {
    Objects.requireNonNull(type, "type");
  }

  /** The same span moved {@code by} code units towards the start. */
  TextEntity shiftedBack(int by) {
    return new TextEntity(type, offset - by, length, url, language);
  }
}
