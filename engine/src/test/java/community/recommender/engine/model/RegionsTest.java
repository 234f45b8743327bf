package community.recommender.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

  @Test
  void region_containsItselfAndWhatExtendsItAtADash_only() {
    assertThat(Regions.contains("CN-SH", "CN-SH")).isTrue();
    assertThat(Regions.contains("CN-SH", "CN-SH-Shanghai")).isTrue();
    assertThat(Regions.contains("CN", "CN-SH-Shanghai")).isTrue();
    assertThat(Regions.contains("CN-SH", "CN-SHX")).isFalse();
    assertThat(Regions.contains("CN-SH-Shanghai", "CN-SH")).isFalse();
    assertThat(Regions.contains("CN", null)).isFalse();
  }

  @Test
  void andEnclosing_listsEveryContainingRegion_widestFirst() {
    assertThat(Regions.andEnclosing("CN-SH-Shanghai")).containsExactly("CN", "CN-SH", "CN-SH-Shanghai");
    assertThat(Regions.andEnclosing(null)).isEmpty();
    assertThat(Regions.andEnclosing("CN-SH-Shanghai")).allMatch(r -> Regions.contains(r, "CN-SH-Shanghai"));
  }
}
