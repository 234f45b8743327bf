package community.recommender.content.rendering;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Text;

/** The words of an image's description, without their formatting. */
final class AltText extends AbstractVisitor {
  private final StringBuilder out = new StringBuilder();

  private AltText() {}

  static String of(Image image) {
    AltText alt = new AltText();
    alt.visitChildren(image);
    return alt.out.toString();
  }

  @Override
  public void visit(Text text) {
    out.append(text.getLiteral());
  }

  @Override
  public void visit(Code code) {
    out.append(code.getLiteral());
  }
}
