package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The served OpenAPI document against the router: every route documented, every documented path routed. */
class OpenApiTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    HttpResponse<String> served = server.get("/openapi.yaml", null);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("yaml"));
    document = new ObjectMapper(new YAMLFactory()).readTree(served.body());
  }

  @Test
  void document_isOpenApi31() {
    assertThat(document.path("openapi").asText()).startsWith("3.1.");
    assertThat(document.path("info").path("title").asText()).isNotBlank();
  }

  @Test
  void everyRoutedEndpoint_isDocumented_andEveryDocumentedOneIsRouted() {
    Set<String> routed = new TreeSet<>(server.endpoints());

    assertThat(documented()).isEqualTo(routed);
  }

  @Test
  void everyOperation_hasASummary_andAnExample() {
    List<String> missing = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (!METHODS.contains(op.getKey())) {
        return;
      }
      String name = op.getKey().toUpperCase() + " " + path.getKey();
      if (op.getValue().path("summary").asText().isBlank()) {
        missing.add(name + ": summary");
      }
      if (op.getValue().findValues("example").isEmpty() && op.getValue().findValues("examples").isEmpty()) {
        missing.add(name + ": example");
      }
    }));

    assertThat(missing).isEmpty();
  }

  @Test
  void everyReference_resolves() {
    List<String> broken = new ArrayList<>();
    for (JsonNode ref : document.findValues("$ref")) {
      String pointer = ref.asText();
      if (!pointer.startsWith("#") || document.at(pointer.substring(1)).isMissingNode()) {
        broken.add(pointer);
      }
    }

    assertThat(broken).isEmpty();
  }

  /** Every documented operation as {@code "GET /api/v1/groups/{groupId}"}. */
  private static Set<String> documented() {
    Set<String> operations = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method)) {
        operations.add(method.toUpperCase() + " " + path.getKey());
      }
    }));
    return operations;
  }
}
