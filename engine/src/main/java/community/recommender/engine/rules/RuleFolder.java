package community.recommender.engine.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * Makes the folder hold exactly {@code files} (name to DRL text): each changed file is written
   * whole before it replaces the old one, and {@code .drl} files not named are removed.
   */
  public void replaceWith(Map<String, String> files) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey());
        if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
          continue;
        }
        Path temp = dir.resolve("." + file.getKey() + ".tmp");
        Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      for (RuleSource existing : read()) {
        if (!files.containsKey(existing.file())) {
          Files.delete(dir.resolve(existing.file()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rules folder " + dir, e);
    }
  }

  private static boolean isDrl(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".drl");
  }
}
