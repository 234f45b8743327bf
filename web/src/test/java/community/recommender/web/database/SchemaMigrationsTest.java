package community.recommender.web.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void version_isTheNumberInTheFileName_notItsPlaceInTheList() {
    assertThat(SchemaMigrations.versionOf("V4__groups.sql")).isEqualTo(4);
    assertThat(SchemaMigrations.versionOf("V12__later_change.sql")).isEqualTo(12);
  }

  @Test
  void misnamedFile_isRefused() {
    assertThatThrownBy(() -> SchemaMigrations.versionOf("groups.sql")).hasMessageContaining("groups.sql");
  }

  @Test
  void listedMigrations_haveDistinctIncreasingVersions() {
    List<Integer> versions = SchemaMigrations.FILES.stream().map(SchemaMigrations::versionOf).toList();

    assertThat(versions).isSorted().doesNotHaveDuplicates();
  }
}
