package community.recommender.content.format;

import community.recommender.engine.model.ContentItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a folder of Markdown content files, such as the demo library in {@code content-library/samples}. */
public final class SampleLibrary {
  private static final ContentValidator VALIDATOR = new ContentValidator(ContentValidator.DEFAULT_MAX_BODY_CHARS);
  private SampleLibrary() {}

  /** Reads and checks every {@code .md} file in {@code dir}, sorted by name; a bad file fails with its name. */
  public static List<ContentItem> read(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<ContentItem> items = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
        try {
          items.add(MarkdownItemReader.readChecked(Files.readString(file, StandardCharsets.UTF_8), null, VALIDATOR));
        } catch (ContentFormatException e) {
          throw new ContentFormatException(e.fault(), e.field(), e.line(),
              file.getFileName() + ":" + e.line() + ": " + e.getMessage());
        }
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample library in " + dir, e);
    }
  }
}
