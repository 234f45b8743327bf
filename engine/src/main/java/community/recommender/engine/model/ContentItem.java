package community.recommender.engine.model;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** A post, activity or offer from the content library, with the facts rules match on. */
public final class ContentItem {
  private final String id;
  private final ContentKind kind;
  private final String title;
  private final String body;
  private final String language;
  private final List<String> tags;
  private final List<String> interests;
  private final List<Stage> stages;
  private final List<String> regions;
  private final Instant validFrom;
  private final Instant validUntil;
  private final ContentStatus status;
  private final String author;
  private final int version;
  private final ActivityDetails activity;
  private final OfferDetails offer;
  private final List<MediaAttachment> media;
  private final Instant createdAt;
  private final Instant updatedAt;

  private ContentItem(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.kind = Objects.requireNonNull(b.kind, "kind");
    this.title = Objects.requireNonNull(b.title, "title");
    this.body = b.body == null ? "" : b.body;
    this.language = Objects.requireNonNull(b.language, "language");
    this.tags = List.copyOf(b.tags);
    this.interests = List.copyOf(b.interests);
    this.stages = List.copyOf(b.stages);
    this.regions = List.copyOf(b.regions);
    this.validFrom = b.validFrom;
    this.validUntil = b.validUntil;
    this.status = Objects.requireNonNull(b.status, "status");
    this.author = b.author;
    this.version = b.version;
    this.activity = b.activity;
    this.offer = b.offer;
    this.media = List.copyOf(b.media);
    this.createdAt = b.createdAt;
    this.updatedAt = b.updatedAt;
  }

  /** Starts an item with its id, kind and title. */
  public static Builder builder(String id, ContentKind kind, String title) {
    return new Builder(id, kind, title);
  }

  /** A builder that starts as a copy of this item. */
  public Builder toBuilder() {
    return new Builder(id, kind, title)
        .body(body)
        .language(language)
        .tags(tags)
        .interests(interests)
        .stages(stages)
        .regions(regions)
        .validFrom(validFrom)
        .validUntil(validUntil)
        .status(status)
        .author(author)
        .version(version)
        .activity(activity)
        .offer(offer)
        .media(media)
        .createdAt(createdAt)
        .updatedAt(updatedAt);
  }

  public String getId() {
    return id;
  }

  public ContentKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  /** The body in Markdown. */
  public String getBody() {
    return body;
  }

  public String getLanguage() {
    return language;
  }

  public List<String> getTags() {
    return tags;
  }

  /** The group interests this item serves; empty means it suits any group. */
  public List<String> getInterests() {
    return interests;
  }

  /** The lifecycle stages this item suits; empty means any stage. */
  public List<Stage> getStages() {
    return stages;
  }

  /** The regions this item may be sent to; empty means anywhere. */
  public List<String> getRegions() {
    return regions;
  }

  public Instant getValidFrom() {
    return validFrom;
  }

  public Instant getValidUntil() {
    return validUntil;
  }

  public ContentStatus getStatus() {
    return status;
  }

  public String getAuthor() {
    return author;
  }

  public int getVersion() {
    return version;
  }

  /** The activity's format and schedule, or null when this is not an activity. */
  public ActivityDetails getActivity() {
    return activity;
  }

  /** The offer's price and limits, or null when this is not an offer. */
  public OfferDetails getOffer() {
    return offer;
  }

  /** The images that go with this item. */
  public List<MediaAttachment> getMedia() {
    return media;
  }

  /** When the first version was stored, or null before it is. */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /** When this version was stored, or null before it is. */
  public Instant getUpdatedAt() {
    return updatedAt;
  }

  /** Whether this item carries {@code tag}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  /** Whether this item serves at least one of {@code groupInterests}. */
  public boolean servesAnyOf(Collection<String> groupInterests) {
    // A plain loop: rules ask this of every candidate, and a stream costs more than the few checks it makes.
    for (String interest : interests) {
      if (groupInterests.contains(interest)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this item may be sent to a group in {@code region}: it names no region, or names the
   * region itself or one containing it ({@code CN-SH} contains {@code CN-SH-Shanghai}).
   */
  public boolean availableIn(String region) {
    if (regions.isEmpty()) {
      return true;
    }
    return regions.stream().anyMatch(r -> Regions.contains(r, region));
  }

  /** Hours until the group-buy deadline, or a very large number when this item has none. */
  public long hoursUntilDeadline(java.time.Instant now) {
    if (offer == null || offer.getGroupBuyDeadline() == null) {
      return Long.MAX_VALUE;
    }
    return java.time.Duration.between(now, offer.getGroupBuyDeadline()).toHours();
  }

  /** Whether this item suits {@code stage}, which it does when it names no stage at all. */
  public boolean suits(Stage stage) {
    return stages.isEmpty() || stages.contains(stage);
  }

  /** Assembles a content item field by field. */
  public static final class Builder {
    private final String id;
    private final ContentKind kind;
    private final String title;
    private String body = "";
    private String language = "zh";
    private List<String> tags = List.of();
    private List<String> interests = List.of();
    private List<Stage> stages = List.of();
    private List<String> regions = List.of();
    private Instant validFrom;
    private Instant validUntil;
    private ContentStatus status = ContentStatus.PUBLISHED;
    private String author;
    private int version = 1;
    private ActivityDetails activity;
    private OfferDetails offer;
    private List<MediaAttachment> media = List.of();
    private Instant createdAt;
    private Instant updatedAt;

    private Builder(String id, ContentKind kind, String title) {
      this.id = id;
      this.kind = kind;
      this.title = title;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder interests(List<String> interests) {
      this.interests = interests;
      return this;
    }

    public Builder stages(List<Stage> stages) {
      this.stages = stages;
      return this;
    }

    public Builder regions(List<String> regions) {
      this.regions = regions;
      return this;
    }

    public Builder validFrom(Instant validFrom) {
      this.validFrom = validFrom;
      return this;
    }

    public Builder validUntil(Instant validUntil) {
      this.validUntil = validUntil;
      return this;
    }

    public Builder status(ContentStatus status) {
      this.status = status;
      return this;
    }

    public Builder author(String author) {
      this.author = author;
      return this;
    }

    public Builder version(int version) {
      this.version = version;
      return this;
    }

    public Builder activity(ActivityDetails activity) {
      this.activity = activity;
      return this;
    }

    public Builder offer(OfferDetails offer) {
      this.offer = offer;
      return this;
    }

    public Builder media(List<MediaAttachment> media) {
      this.media = media;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public ContentItem build() {
      return new ContentItem(this);
    }
  }
}
