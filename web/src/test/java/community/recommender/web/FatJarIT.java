package community.recommender.web;

import community.recommender.web.cli.Main;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as shipped: merged service files, and a real start that decides with Drools and Lucene. */
class FatJarIT {
  private static final Path JAR = Path.of(System.getProperty("recommender.jar", "target/recommender.jar"));

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
  void theJar_startsWithDemoData_andServesASuggestion_onTheClockItWasGiven() throws Exception {
    RunningJar server = RunningJar.serve(dataDir, "--demo");
    try {
      String token = Files.readString(dataDir.resolve("admin.token")).strip();
      HttpClient http = ContractCheckedClient.wrap(HttpClient.newHttpClient());

      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> suggestion = http.send(HttpRequest.newBuilder(
              URI.create(server.url() + "/api/v1/groups/ldn-tea-baking/suggestion"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(suggestion.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(suggestion.body()).getJsonArray("reasons")).isNotEmpty();
      assertThat(Instant.parse(new JsonObject(suggestion.body()).getString("createdAt")))
          .as("decided on the test clock (--clock-at), not today's date")
          .isBetween(TestServer.START, TestServer.START.plus(Duration.ofMinutes(10)));
    } finally {
      assertThat(server.stop()).as("the server stops on SIGTERM").isTrue();
    }
  }

  private static List<String> service(JarFile jar, String name) throws Exception {
    var entry = jar.getEntry("META-INF/services/" + name);
    assertThat(entry).as(name).isNotNull();
    try (var in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

}
