package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as shipped: merged service files, and a real start that decides with Drools and Lucene. */
class FatJarIT {
  private static final Path JAR = Path.of(System.getProperty("recommender.jar", "target/recommender.jar"));
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

  @TempDir Path dataDir;

  @Test
  void serviceFiles_fromEveryJarAreMerged() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(service(jar, "org.apache.lucene.analysis.TokenizerFactory"))
          .contains("org.apache.lucene.analysis.standard.StandardTokenizerFactory",
              "org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory");
      assertThat(service(jar, "org.apache.lucene.codecs.Codec")).anyMatch(c -> c.contains("Lucene912Codec"));
      assertThat(service(jar, "org.kie.api.KieServices")).isNotEmpty();
      assertThat(service(jar, "org.kie.internal.builder.KnowledgeBuilderFactoryService")).isNotEmpty();
      assertThat(service(jar, "io.vertx.sqlclient.spi.Driver")).contains("io.vertx.pgclient.spi.PgDriver");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
    }
  }

  @Test
  void theJar_startsWithDemoData_andServesASuggestion() throws Exception {
    Path home = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toAbsolutePath().toString(), "serve",
        "--demo", "--port", "0", "--data-dir", dataDir.toString()).redirectErrorStream(true);
    builder.environment().put("RECOMMENDER_HOME", home.toString());
    Process process = builder.start();
    try {
      int port = portFromOutput(process).get(120, TimeUnit.SECONDS);
      String token = Files.readString(dataDir.resolve("admin.token")).strip();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
          .build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> suggestion = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/api/v1/groups/ldn-tea-baking/suggestion"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(suggestion.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(suggestion.body()).getJsonArray("reasons")).isNotEmpty();
    } finally {
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
    }
  }

  /** Completes with the port once the server prints its listening line; fails if it exits first. */
  private static CompletableFuture<Integer> portFromOutput(Process process) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      StringBuilder seen = new StringBuilder();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          seen.append(line).append('\n');
          Matcher listening = LISTENING.matcher(line);
          if (listening.find()) {
            port.complete(Integer.parseInt(listening.group(1)));
          }
        }
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the server exited before listening:\n" + seen));
    }, "jar-output");
    reader.setDaemon(true);
    reader.start();
    return port;
  }

  private static List<String> service(JarFile jar, String name) throws Exception {
    var entry = jar.getEntry("META-INF/services/" + name);
    assertThat(entry).as(name).isNotNull();
    try (var in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
