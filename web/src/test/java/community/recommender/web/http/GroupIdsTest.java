package community.recommender.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which group ids are accepted: 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
class GroupIdsTest {

  @Test
  void idsOfTheAllowedCharacters_upTo128Long_areValid() {
    assertThat(GroupIds.isValid("a")).isTrue();
    assertThat(GroupIds.isValid("bench-9999")).isTrue();
    assertThat(GroupIds.isValid("Shop_01.north:wecom-7")).isTrue();
    assertThat(GroupIds.isValid("9" + "x".repeat(127))).isTrue();
  }

  @Test
  void emptyTooLongOddlyStartedOrOtherCharacters_areNot() {
    assertThat(GroupIds.isValid(null)).isFalse();
    assertThat(GroupIds.isValid("")).isFalse();
    assertThat(GroupIds.isValid("x".repeat(129))).isFalse();
    assertThat(GroupIds.isValid("-leading-dash")).isFalse();
    assertThat(GroupIds.isValid(".hidden")).isFalse();
    assertThat(GroupIds.isValid("with space")).isFalse();
    assertThat(GroupIds.isValid("slash/inside")).isFalse();
    assertThat(GroupIds.isValid("咖啡群")).isFalse();
    assertThat(GroupIds.isValid("tab\there")).isFalse();
    assertThat(GroupIds.isValid("nul\0")).isFalse();
  }

  @Test
  void check_namesTheFieldOfAnInvalidId() {
    assertThat(GroupIds.check("ok-1", "groupId")).isEqualTo("ok-1");
    assertThatThrownBy(() -> GroupIds.check("bad id", "groups[2]"))
        .isInstanceOf(ApiError.class).hasMessageContaining("groups[2]");
  }
}
