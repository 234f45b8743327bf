package community.recommender.engine.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What operators know about a group: who is in it, what they care about, and where they are. */
public final class Portrait {
  private final String name;
  private final Platform platform;
  private final CommunityType type;
  private final List<String> interests;
  private final String region;
  private final String language;
  private final ZoneId timezone;
  private final String quietHours;
  private final int memberCount;
  private final int kocCount;
  private final List<String> kocs;
  private final String owner;
  private final List<String> labels;
  private final Map<String, String> attributes;
  private final Instant startedAt;

  private Portrait(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.platform = b.platform;
    this.type = b.type;
    this.interests = List.copyOf(b.interests);
    this.region = b.region;
    this.language = b.language;
    this.timezone = b.timezone;
    this.quietHours = b.quietHours;
    this.memberCount = b.memberCount;
    this.kocs = List.copyOf(b.kocs);
    this.kocCount = Math.max(b.kocCount, kocs.size());
    this.owner = b.owner;
    this.labels = List.copyOf(b.labels);
    this.attributes = Map.copyOf(b.attributes);
    this.startedAt = b.startedAt;
  }

  /** Starts a portrait of the group called {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  public String getName() {
    return name;
  }

  public Platform getPlatform() {
    return platform;
  }

  public CommunityType getType() {
    return type;
  }

  public List<String> getInterests() {
    return interests;
  }

  /** A region code such as {@code CN-SH-Shanghai}, or null when the group has no home region. */
  public String getRegion() {
    return region;
  }

  public String getLanguage() {
    return language;
  }

  public ZoneId getTimezone() {
    return timezone;
  }

  /** Hours in which nothing is posted, as {@code HH:mm-HH:mm} in the group's time zone, or null. */
  public String getQuietHours() {
    return quietHours;
  }

  public int getMemberCount() {
    return memberCount;
  }

  /** How many KOCs (key opinion consumers) the group has; at least as many as {@link #getKocs} lists. */
  public int getKocCount() {
    return kocCount;
  }

  /** The member ids of known KOCs; may be empty when only their number is known. */
  public List<String> getKocs() {
    return kocs;
  }

  public String getOwner() {
    return owner;
  }

  public List<String> getLabels() {
    return labels;
  }

  public Map<String, String> getAttributes() {
    return attributes;
  }

  /** When the community really started, as the operator knows it (it may predate this system), or null. */
  public Instant getStartedAt() {
    return startedAt;
  }

  /** The attribute {@code key} as a whole number, or {@code fallback} when absent or not a number. */
  public int intAttribute(String key, int fallback) {
    String value = attributes.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Whether the group cares about {@code interest}. */
  public boolean hasInterest(String interest) {
    return interests.contains(interest);
  }

  /** This portrait with {@code labels} in place of its own, every other field the same. */
  public Portrait withLabels(List<String> labels) {
    return named(name).platform(platform).type(type).interests(interests).region(region).language(language)
        .timezone(timezone).quietHours(quietHours).memberCount(memberCount).kocCount(kocCount).kocs(kocs)
        .owner(owner).labels(labels).attributes(attributes).startedAt(startedAt).build();
  }

  /** Assembles a portrait field by field. */
  public static final class Builder {
    private final String name;
    private Platform platform = Platform.OTHER;
    private CommunityType type = CommunityType.INTEREST;
    private List<String> interests = List.of();
    private String region;
    private String language = "zh";
    private ZoneId timezone = ZoneId.of("UTC");
    private String quietHours;
    private int memberCount;
    private int kocCount;
    private List<String> kocs = List.of();
    private String owner;
    private List<String> labels = List.of();
    private Map<String, String> attributes = Map.of();
    private Instant startedAt;

    private Builder(String name) {
      this.name = name;
    }

    public Builder platform(Platform platform) {
      this.platform = Objects.requireNonNull(platform);
      return this;
    }

    public Builder type(CommunityType type) {
      this.type = Objects.requireNonNull(type);
      return this;
    }

    public Builder interests(List<String> interests) {
      this.interests = interests;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder language(String language) {
      this.language = Objects.requireNonNull(language);
      return this;
    }

    public Builder timezone(ZoneId timezone) {
      this.timezone = Objects.requireNonNull(timezone);
      return this;
    }

    public Builder quietHours(String quietHours) {
      this.quietHours = quietHours;
      return this;
    }

    public Builder memberCount(int memberCount) {
      this.memberCount = memberCount;
      return this;
    }

    public Builder kocCount(int kocCount) {
      this.kocCount = kocCount;
      return this;
    }

    public Builder kocs(List<String> kocs) {
      this.kocs = kocs;
      return this;
    }

    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    public Builder labels(List<String> labels) {
      this.labels = labels;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Portrait build() {
      return new Portrait(this);
    }
  }
}
