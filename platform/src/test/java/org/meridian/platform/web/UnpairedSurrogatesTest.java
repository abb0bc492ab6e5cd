package org.meridian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnpairedSurrogatesTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void namesTheFieldOfALoneHighOrLowSurrogate() {
        assertThat(UnpairedSurrogates.find(json("{\"a\": {\"b\": [\"ok\", \"x\\ud800\"]}}")))
                .contains("a.b[1]");
        assertThat(UnpairedSurrogates.find(json("{\"name\": \"\\udc00x\"}"))).contains("name");
        assertThat(UnpairedSurrogates.find(json("{\"answers\": {\"\\ud800\": 1}}")))
                .contains("answers");
    }

    @Test
    void acceptsPairsAndPlainText() {
        assertThat(UnpairedSurrogates.find(json("{\"name\": \"\\ud83c\\udf3f\", \"raw\": \"\uD83C\uDF3F\", \"n\": 1}")))
                .isEmpty();
        assertThat(UnpairedSurrogates.find(json("not json"))).isEmpty();
    }

    @Test
    void flagsAPairInTheWrongOrder() {
        assertThat(UnpairedSurrogates.find(json("[\"\\udf3f\\ud83c\"]"))).contains("[0]");
    }
}
