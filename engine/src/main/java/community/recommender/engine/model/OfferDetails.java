package community.recommender.engine.model;

import java.math.BigDecimal;
import java.time.Instant;

/** The price, discount and limits of an offer such as a coupon or a group-buy. */
public final class OfferDetails {
  private final BigDecimal price;
  private final BigDecimal discount;
  private final String currency;
  private final Integer stock;
  private final Integer perGroupLimit;
  private final Instant groupBuyDeadline;

  public OfferDetails(
      BigDecimal price,
      BigDecimal discount,
      String currency,
      Integer stock,
      Integer perGroupLimit,
      Instant groupBuyDeadline) {
    this.price = price;
    this.discount = discount;
    this.currency = currency;
    this.stock = stock;
    this.perGroupLimit = perGroupLimit;
    this.groupBuyDeadline = groupBuyDeadline;
  }

  public BigDecimal getPrice() {
    return price;
  }

  /** The share of the price that is paid, from 0 to 1 (0.8 is 20% off), or null. */
  public BigDecimal getDiscount() {
    return discount;
  }

  public String getCurrency() {
    return currency;
  }

  public Integer getStock() {
    return stock;
  }

  public Integer getPerGroupLimit() {
    return perGroupLimit;
  }

  /** When a group-buy closes, or null when the offer is not a group-buy. */
  public Instant getGroupBuyDeadline() {
    return groupBuyDeadline;
  }
}
