package dev.rtsc.transcoder;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransportSecurityTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.sd-rtn.com/",
        "http://10.0.0.7:8080/",
        "http://192.168.1.20/",
        "http://localhost.example.com/",
        "http://127.0.0.1.nip.io/"
      })
  void plainHttpToAnyOtherHostIsRefused(String url) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CloudTranscoderClient.builder().baseUrl(url));

    assertEquals(
        "baseUrl must use https: credentials and the builder token would cross the network in"
            + " clear to "
            + okhttp3.HttpUrl.get(url).host()
            + " (plain http is allowed only to loopback addresses)",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/",
        "http://127.1.2.3/",
        "http://localhost:9000/",
        "http://fake.localhost/",
        "http://[::1]:8080/",
        "https://api.sd-rtn.com/",
        "https://proxy.example.com/agora/"
      })
  void httpsAndLoopbackAreAccepted(String url) {
    assertDoesNotThrow(() -> CloudTranscoderClient.builder().baseUrl(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.7/", "http://example.com/"})
  void failoverChainsAreCheckedToo(String url) {
    assertThrows(
        IllegalArgumentException.class, () -> Endpoints.failover("https://api.agora.io/", url));
  }
}
