package community.recommender.content.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLibraryTest {

  @Test
  void demoSamples_coverEveryKindInBothLanguages() {
    List<ContentItem> items = SampleLibrary.read(Path.of("samples"));

    assertThat(items).hasSizeGreaterThanOrEqualTo(30);
    assertThat(items).extracting(ContentItem::getKind).contains(ContentKind.values());
    assertThat(items).extracting(ContentItem::getLanguage).contains("zh", "en");
    assertThat(items).extracting(ContentItem::getId).doesNotHaveDuplicates();
    assertThat(items).filteredOn(i -> i.getKind() == ContentKind.OFFER)
        .allSatisfy(offer -> assertThat(offer.getOffer().getCurrency()).isNotBlank());
  }

  @Test
  void markdownItem_roundTripsThroughJson() {
    ContentItem item = MarkdownItemReader.read("""
        ---
        id: group-buy-roses
        kind: OFFER
        title: "Roses: this week's group-buy"
        language: en
        tags: [group-buy]
        interests: [flowers]
        stages: [MATURE]
        regions: [CN-SH-Shanghai]
        status: published
        validUntil: 2030-12-31T23:59:59Z
        price: 59.5
        currency: CNY
        perGroupLimit: 20
        ---
        # Roses

        Order by **Friday**.
        """);

    ContentItem again = ContentItemJson.fromJson(ContentItemJson.toJson(item));

    assertThat(again.getTitle()).isEqualTo("Roses: this week's group-buy");
    assertThat(again.getBody()).isEqualTo("# Roses\n\nOrder by **Friday**.");
    assertThat(again.getRegions()).containsExactly("CN-SH-Shanghai");
    assertThat(again.getOffer().getPrice()).isEqualByComparingTo("59.5");
    assertThat(again.getOffer().getPerGroupLimit()).isEqualTo(20);
    assertThat(again.getValidUntil()).isEqualTo(item.getValidUntil());
    assertThat(ContentItemJson.toJson(again)).isEqualTo(ContentItemJson.toJson(item));
  }

  @Test
  void badFile_isNamedWithItsLineAndField(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.md"), """
        ---
        id: bad
        kind: SERMON
        title: Bad
        language: en
        ---
        body
        """);

    assertThatThrownBy(() -> SampleLibrary.read(dir))
        .isInstanceOfSatisfying(ContentFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("kind");
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.getMessage()).startsWith("bad.md:3: kind must be one of");
        });
  }
}
