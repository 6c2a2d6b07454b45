package dev.rtsc.transcoder;

/**
 * An area of Agora's regional REST domains, used as the last step of failover. Pick the area where
 * your servers run; check that Cloud Transcoding is deployed there.
 */
public enum Region {
  /** United States: {@code api-us-west-1}, then {@code api-us-east-1}. */
  US(false, "api-us-west-1", "api-us-east-1"),
  /** Europe: {@code api-eu-west-1}, then {@code api-eu-central-1}. */
  EU(false, "api-eu-west-1", "api-eu-central-1"),
  /** Asia Pacific: {@code api-ap-southeast-1}, then {@code api-ap-northeast-1}. */
  AP(false, "api-ap-southeast-1", "api-ap-northeast-1"),
  /**
   * Mainland China: {@code api-cn-east-1}, then {@code api-cn-north-1}. The primary domain is
   * {@code api.sd-rtn.com}, as Agora advises for mainland China.
   */
  CN(true, "api-cn-east-1", "api-cn-north-1");

  private final boolean sdRtnFirst;
  private final String[] regionalHosts;

  Region(boolean sdRtnFirst, String... regionalHosts) {
    this.sdRtnFirst = sdRtnFirst;
    this.regionalHosts = regionalHosts;
  }

  /** Primary, other global domain, then the regional domains under the primary's suffix. */
  Endpoints endpoints() {
    String primary = sdRtnFirst ? "sd-rtn.com" : "agora.io";
    String secondary = sdRtnFirst ? "agora.io" : "sd-rtn.com";
    String[] regional = new String[regionalHosts.length];
    for (int i = 0; i < regionalHosts.length; i++) {
      regional[i] = "https://" + regionalHosts[i] + "." + primary + "/";
    }
    return Endpoints.failover(
        "https://api." + primary + "/", "https://api." + secondary + "/", regional);
  }
}
