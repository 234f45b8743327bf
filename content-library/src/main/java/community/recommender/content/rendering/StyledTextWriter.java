package community.recommender.content.rendering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Writes a parsed Markdown body out as chat text: headings and paragraphs as lines, list items with
 * bullets or numbers, and formatting either kept as entities (Telegram) or dropped (plain text).
 *
 * <p>Line breaks inside a paragraph are kept: chat messages show them, and Chinese text must not
 * gain the spaces that HTML would put there.
 */
final class StyledTextWriter extends AbstractVisitor {

  /** How a link is written. */
  enum LinkStyle {
    /** The label, a space and the address, unless the label is the address. */
    INLINE_URL,
    /** The label only; the link is collected to go elsewhere (WeCom link cards). */
    LABEL_ONLY,
    /** The label, with a {@code text_link} entity over it. */
    ENTITY
  }

  private static final String THEMATIC_BREAK = "——————";

  private final LinkStyle linkStyle;
  private final boolean entitiesWanted;
  private final StringBuilder out = new StringBuilder();
  private final List<TextEntity> entities = new ArrayList<>();
  private final List<Integer> blockStarts = new ArrayList<>();
  private final List<BodyImage> images = new ArrayList<>();
  private final List<BodyLink> links = new ArrayList<>();
  private String indent = "";

  private StyledTextWriter(LinkStyle linkStyle) {
    this.linkStyle = linkStyle;
    this.entitiesWanted = linkStyle == LinkStyle.ENTITY;
  }

  /** Writes {@code document} out with {@code linkStyle}; entities are kept only with {@link LinkStyle#ENTITY}. */
  static StyledText write(Document document, LinkStyle linkStyle) {
    StyledTextWriter writer = new StyledTextWriter(linkStyle);
    document.accept(writer);
    String text = writer.out.toString().stripTrailing();
    List<TextEntity> kept = new ArrayList<>();
    for (TextEntity e : writer.entities) {
      int length = Math.min(e.length(), text.length() - e.offset());
      if (length > 0) {
        kept.add(new TextEntity(e.type(), e.offset(), length, e.url(), e.language()));
      }
    }
    kept.sort(Comparator.comparingInt(TextEntity::offset));
    return new StyledText(text, kept, List.copyOf(writer.blockStarts), List.copyOf(writer.images),
        List.copyOf(writer.links));
  }

  @Override
  public void visit(Document document) {
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      int before = out.length();
      if (out.length() > 0) {
        out.append("\n\n");
      }
      int start = out.length();
      block.accept(this);
      if (out.length() == start) {
        out.setLength(before);
      } else {
        blockStarts.add(start);
      }
    }
  }

  @Override
  public void visit(Paragraph paragraph) {
    visitChildren(paragraph);
  }

  @Override
  public void visit(Heading heading) {
    int start = out.length();
    visitChildren(heading);
    entity("bold", start, null, null);
  }

  @Override
  public void visit(BulletList list) {
    items(list, null);
  }

  @Override
  public void visit(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    items(list, start == null ? 1 : start);
  }

  /** The list's items, one per line, numbered from {@code number} or bulleted when it is null. */
  private void items(Node list, Integer number) {
    boolean first = true;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!first) {
        newline();
      }
      first = false;
      String marker = number == null ? "• " : (number++) + ". ";
      out.append(marker);
      String outer = indent;
      indent = outer + " ".repeat(marker.length());
      item.accept(this);
      indent = outer;
    }
  }

  @Override
  public void visit(ListItem item) {
    boolean first = true;
    for (Node block = item.getFirstChild(); block != null; block = block.getNext()) {
      if (!first) {
        newline();
      }
      first = false;
      block.accept(this);
    }
  }

  @Override
  public void visit(BlockQuote quote) {
    int start = out.length();
    String outer = indent;
    if (!entitiesWanted) {
      out.append("> ");
      indent = outer + "> ";
    }
    boolean first = true;
    for (Node block = quote.getFirstChild(); block != null; block = block.getNext()) {
      if (!first) {
        newline();
      }
      first = false;
      block.accept(this);
    }
    indent = outer;
    entity("blockquote", start, null, null);
  }

  @Override
  public void visit(FencedCodeBlock code) {
    String info = code.getInfo();
    literalLines(code.getLiteral(), info == null || info.isBlank() ? null : info.strip().split("\\s+")[0]);
  }

  @Override
  public void visit(IndentedCodeBlock code) {
    literalLines(code.getLiteral(), null);
  }

  private void literalLines(String literal, String language) {
    int start = out.length();
    String[] lines = literal.stripTrailing().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        newline();
      }
      out.append(lines[i]);
    }
    entity("pre", start, null, language);
  }

  @Override
  public void visit(HtmlBlock html) {
    literalLines(html.getLiteral(), null);
  }

  @Override
  public void visit(ThematicBreak thematicBreak) {
    out.append(THEMATIC_BREAK);
  }

  @Override
  public void visit(Text text) {
    out.append(text.getLiteral());
  }

  @Override
  public void visit(HtmlInline html) {
    out.append(html.getLiteral());
  }

  @Override
  public void visit(Code code) {
    int start = out.length();
    out.append(code.getLiteral());
    entity("code", start, null, null);
  }

  @Override
  public void visit(Emphasis emphasis) {
    int start = out.length();
    visitChildren(emphasis);
    entity("italic", start, null, null);
  }

  @Override
  public void visit(StrongEmphasis strong) {
    int start = out.length();
    visitChildren(strong);
    entity("bold", start, null, null);
  }

  @Override
  public void visit(SoftLineBreak lineBreak) {
    newline();
  }

  @Override
  public void visit(HardLineBreak lineBreak) {
    newline();
  }

  @Override
  public void visit(Link link) {
    int start = out.length();
    visitChildren(link);
    String label = out.substring(start);
    String url = link.getDestination();
    switch (linkStyle) {
      case ENTITY -> {
        if (label.isEmpty()) {
          out.append(url);
        } else {
          entities.add(new TextEntity("text_link", start, label.length(), url, null));
        }
      }
      case INLINE_URL -> {
        if (label.isEmpty()) {
          out.append(url);
        } else if (!label.equals(url)) {
          out.append(' ').append(url);
        }
      }
      case LABEL_ONLY -> {
        links.add(new BodyLink(label.isEmpty() ? url : label, url));
        if (label.isEmpty()) {
          out.append(url);
        }
      }
    }
  }

  @Override
  public void visit(Image image) {
    images.add(new BodyImage(image.getDestination(), AltText.of(image)));
  }

  private void newline() {
    out.append('\n').append(indent);
  }

  private void entity(String type, int start, String url, String language) {
    if (entitiesWanted && out.length() > start) {
      entities.add(new TextEntity(type, start, out.length() - start, url, language));
    }
  }
}
