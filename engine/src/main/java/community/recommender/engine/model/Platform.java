package community.recommender.engine.model;

/** The chat platform a group lives on; platforms differ in quotas and etiquette. */
public enum Platform {
  WECOM,
  WECHAT,
  TELEGRAM,
  DISCORD,
  SLACK,
  OTHER
}
