package org.meridian.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    private static SearchParameters query(String name, String value) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add(name, value);
        return new SearchParameters(query, Set.of(name));
    }

    @Test
    void commasSeparateAlternativeTokens() {
        List<TokenParam> tokens = query("identifier", "sys|a,b").tokens("identifier");

        assertThat(tokens).extracting(TokenParam::getValue).containsExactly("a", "b");
        assertThat(tokens.get(0).getSystem()).isEqualTo("sys");
    }

    /** Found in review: the value was split on every comma before HAPI could read FHIR's escape. */
    @Test
    void anEscapedCommaIsPartOfTheValue() {
        List<TokenParam> tokens = query("identifier", "sys|a\\,b,c").tokens("identifier");

        assertThat(tokens).extracting(TokenParam::getValue).containsExactly("a,b", "c");
    }
}
