package community.recommender.web.cli;

import community.recommender.web.cli.ContentUploader.Upload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recommender import [--groups] FILES…}: uploads content files, or group files, to a running
 * server, as the upload and group import endpoints take them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Upload content files (.md, .json, .csv, .zip and images) to a running server,",
        "or with --groups, group portraits from .csv or .json files (each file all or nothing).",
        "Folders are read recursively. Files of one folder travel together, so Markdown finds the images beside it.",
        "Exit code: 0 when every file was stored, 1 when the server refused any, 2 when it could not be used."})
final class ImportCommand implements Callable<Integer> {
  /** Requests stay well under the server's 20 MiB upload limit. */
  private static final long BATCH_BYTES = 16L * 1024 * 1024;
  private static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".json", ".csv", ".zip", ".png", ".jpg",
      ".jpeg", ".gif", ".webp");

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILES", description = "Files or folders to upload.")
  List<Path> paths;

  @Option(names = "--server", defaultValue = "http://localhost:8080", description = "The server (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--token", description = "An editor or admin token (default: read from --token-file).")
  String token;

  @Option(names = "--token-file", description = "A file holding the token (default: $RECOMMENDER_TOKEN, else "
      + "<home>/data/admin.token).")
  Path tokenFile;

  @Option(names = "--groups", description = "The files hold groups (an operator token), not content.")
  boolean groups;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServerClient client = new ServerClient(server, CliToken.resolve(token, tokenFile, null));
    if (groups) {
      return importGroups(client, out, err);
    }
    List<Upload> uploads;
    try {
      uploads = collect();
    } catch (IOException | IllegalArgumentException e) {
      throw CliFailure.failed(e.getMessage());
    }
    if (uploads.isEmpty()) {
      throw CliFailure.failed("no .md, .json, .csv, .zip or image files in " + paths);
    }
    ContentUploader uploader = new ContentUploader(client);
    ProgressBar progress = new ProgressBar(err, System.console() != null,
        uploads.stream().mapToLong(u -> u.bytes().length).sum(), uploads.size());
    int rejected = 0;
    int created = 0;
    int updated = 0;
    List<String> lines = new ArrayList<>();
    for (List<Upload> batch : batches(uploads)) {
      ServerClient.Answer answer;
      try {
        answer = uploader.send(batch, progress::sent);
      } catch (CliFailure e) {
        progress.finish();
        throw e;
      }
      progress.filesDone(batch.size());
      JsonArray files = answer.body().getJsonArray("files");
      if (files == null) {
        progress.finish();
        String message = "the server answered " + answer.status() + ": " + answer.errorMessage();
        throw answer.status() / 100 == 4 ? CliFailure.refused(message) : CliFailure.failed(message);
      }
      for (int i = 0; i < files.size(); i++) {
        JsonObject file = files.getJsonObject(i);
        Upload upload = batch.get(i);
        String result = file.getString("result");
        lines.add(String.format("%-9s %s%s", result, upload.path(), detail(file)));
        rejected += "rejected".equals(result) ? 1 : 0;
      }
      created += answer.body().getInteger("created", 0);
      updated += answer.body().getInteger("updated", 0);
    }
    progress.finish();
    lines.forEach(out::println);
    out.printf("%d files: %d items created, %d updated; %d files rejected%n", uploads.size(), created, updated,
        rejected);
    out.flush();
    return rejected == 0 ? ExitCode.DONE : ExitCode.REFUSED;
  }

  private static String detail(JsonObject file) {
    JsonArray problems = file.getJsonArray("problems");
    if (problems != null) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < problems.size(); i++) {
        JsonObject problem = problems.getJsonObject(i);
        text.append("\n          ").append(problem.getString("file"))
            .append(problem.containsKey("line") ? ":" + problem.getInteger("line") : "")
            .append(": ").append(problem.getString("message"))
            .append(" (").append(problem.getInteger("status")).append(")");
      }
      return text.toString();
    }
    JsonArray items = file.getJsonArray("items", new JsonArray());
    JsonArray usedBy = file.getJsonArray("usedBy");
    if (usedBy != null) {
      return "  (for " + String.join(", ", usedBy.stream().map(String::valueOf).toList()) + ")";
    }
    return "  (" + items.size() + (items.size() == 1 ? " item)" : " items)");
  }

  /** The files named, folders expanded, grouped by folder so that Markdown and its images travel together. */
  private List<Upload> collect() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(ImportCommand::isContent).forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such file: " + path);
      }
    }
    files.sort(Comparator.comparing((Path p) -> String.valueOf(p.toAbsolutePath().getParent())).thenComparing(
        ImportCommand::isImage).thenComparing(Path::toString));
    List<Upload> uploads = new ArrayList<>();
    for (Path file : files) {
      uploads.add(new Upload(file, file.getFileName().toString(), Files.readAllBytes(file)));
    }
    return uploads;
  }

  /** Consecutive files of one folder share a request, up to {@link #BATCH_BYTES}. */
  private static List<List<Upload>> batches(List<Upload> uploads) {
    List<List<Upload>> batches = new ArrayList<>();
    List<Upload> batch = new ArrayList<>();
    long bytes = 0;
    Path folder = null;
    for (Upload upload : uploads) {
      Path parent = upload.path().toAbsolutePath().getParent();
      if (!batch.isEmpty() && (!parent.equals(folder) || bytes + upload.bytes().length > BATCH_BYTES)) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(upload);
      bytes += upload.bytes().length;
      folder = parent;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private int importGroups(ServerClient client, PrintWriter out, PrintWriter err) {
    GroupImportClient.Summary summary = new GroupImportClient(client, err).importFiles(paths);
    out.printf("%d of %d files imported: %d groups created, %d replaced%n",
        summary.files() - summary.rejectedFiles(), summary.files(), summary.created(), summary.replaced());
    return summary.complete() ? ExitCode.DONE : ExitCode.REFUSED;
  }

  private static boolean isContent(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Stream.of(".png", ".jpg", ".jpeg", ".gif", ".webp").anyMatch(name::endsWith);
  }
}
