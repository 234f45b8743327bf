package community.recommender.content.rendering;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/** A content item's body parsed by commonmark, and its top-level blocks written back as Markdown. */
final class MarkdownBody {
  /** Both are thread-safe and built once. */
  private static final Parser PARSER = Parser.builder().build();
  private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().build();

  private MarkdownBody() {}

  /** Parses {@code markdown} into a fresh tree, which the caller may change. */
  static Document parse(String markdown) {
    return (Document) PARSER.parse(markdown);
  }

  /**
   * The body's top-level blocks as Markdown, without its images (platforms that take Markdown show
   * images apart from the text); blocks left empty are dropped.
   *
   * @param images receives the images taken out, in body order
   */
  static List<String> blocksWithoutImages(String markdown, List<BodyImage> images) {
    Document document = parse(markdown);
    List<Image> found = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Image image) {
        found.add(image);
      }
    });
    for (Image image : found) {
      images.add(new BodyImage(image.getDestination(), AltText.of(image)));
      image.unlink();
    }
    List<String> blocks = new ArrayList<>();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      String written = MARKDOWN.render(block).strip();
      if (!written.isEmpty()) {
        blocks.add(written);
      }
    }
    return blocks;
  }
}
