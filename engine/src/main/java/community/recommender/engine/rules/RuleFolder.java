package community.recommender.engine.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A folder of {@code .drl} files, the operator's source of the playbook. */
public final class RuleFolder {
  private final Path dir;

  public RuleFolder(Path dir) {
    this.dir = dir;
  }

  public Path path() {
    return dir;
  }

  /** Reads every {@code .drl} file directly in the folder, sorted by name. */
  public List<RuleSource> read() {
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(new IOException("rules folder not found: " + dir));
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<RuleSource> sources = new ArrayList<>();
      for (Path file : files.filter(RuleFolder::isDrl).sorted().toList()) {
        sources.add(new RuleSource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules folder " + dir, e);
    }
  }

  private static boolean isDrl(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".drl");
  }
}
