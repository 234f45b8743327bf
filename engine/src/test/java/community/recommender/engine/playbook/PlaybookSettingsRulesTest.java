package community.recommender.engine.playbook;

import static community.recommender.engine.playbook.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.PlaybookSettings;
import org.junit.jupiter.api.Test;

/** The rule of {@code rules/playbook-settings.drl}: the settings every other rule reads. */
class PlaybookSettingsRulesTest {

  @Test
  @RuleUnderTest("The playbook's settings")
  void playbookSettings_areStatedOnceAndMatchTheDocumentedDefaults() {
    PlaybookSettings stated = Playbook.settings();

    assertThat(stated.getRule()).isEqualTo("The playbook's settings");
    assertThat(stated.describe()).isEqualTo(PlaybookSettings.defaults().describe());
    assertThat(stated.getComplaintShareLimit()).isEqualTo(0.05);
    assertThat(stated.getMinGapMinutes()).isEqualTo(240);
    assertThat(stated.getEmotionalInterests()).contains("clothes", "fashion", "beauty", "jewelry", "flowers", "coffee");
    assertThat(stated.getRationalInterests()).contains("car", "electronics", "insurance", "software");
    assertThat(stated.urgency("welcome")).isGreaterThan(stated.urgency("story")).isGreaterThan(stated.urgency("portrait"));
    assertThat(stated.urgency("after-sales")).isGreaterThan(stated.urgency("story"));
    assertThat(stated.urgency("care")).isGreaterThan(stated.urgency("wake"));
  }

  @Test
  void groupAttributes_overrideThePlaybookSettings() {
    Group own = group("own").interests("car").attribute("minGapMinutes", "60").attribute("purchase", "emotional")
        .attribute("complaintShareLimit", "0.1").build();
    Group plain = group("plain").interests("car", "travel").build();

    PlaybookSettings forOwn = Playbook.settings().forGroup(own);

    assertThat(forOwn.getMinGapMinutes()).isEqualTo(60);
    assertThat(forOwn.getComplaintShareLimit()).isEqualTo(0.1);
    assertThat(forOwn.isEmotional()).isTrue();
    assertThat(Playbook.settings().forGroup(plain).isEmotional()).as("the first interest with a default decides")
        .isFalse();
  }
}
