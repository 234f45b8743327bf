package community.recommender.content.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentItem;
import org.junit.jupiter.api.Test;

/** Uploads are checked strictly; what was stored is read back even after the checks tighten. */
class ContentItemJsonTest {
  private static final String STORED = """
      {"id": "old-post", "kind": "POST", "title": "Old", "language": "en", "retiredKey": 1, "price": 9}""";

  @Test
  void upload_withAnUnknownKey_isRefused() {
    assertThatThrownBy(() -> ContentItemJson.fromJson(STORED)).isInstanceOf(ContentFormatException.class);
  }

  @Test
  void storedItem_withKeysThisVersionNoLongerTakes_isStillRead() {
    ContentItem item = ContentItemJson.fromStored(STORED);

    assertThat(item.getId()).isEqualTo("old-post");
    assertThat(item.getKind()).isEqualTo(ContentKind.POST);
    assertThat(item.getOffer()).isNull();
  }
}
