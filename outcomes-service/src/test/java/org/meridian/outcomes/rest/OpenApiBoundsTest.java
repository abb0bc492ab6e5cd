package org.meridian.outcomes.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.meridian.platform.test.openapi.AbstractOpenApiBoundsTest;

@QuarkusTest
class OpenApiBoundsTest extends AbstractOpenApiBoundsTest {

    private static final String EXPORT = "/paths/~1api~1v1~1outcomes~1research~1exports~1assessments/get/responses/200";

    OpenApiBoundsTest() {
        super(Map.of(
                "/components/schemas/Progress/properties/withinSession",
                "one entry per session held in scope: grows with the sessions of an episode, which nothing caps",
                "/components/schemas/Schedule/properties/items",
                "the pre- and post-session items of every session held, besides baseline and follow-ups: grows with"
                        + " the sessions of the episode",
                "/components/schemas/TrajectorySeries/properties/points",
                "every scored assessment of the patient (or episode) for one instrument: grows with the data",
                EXPORT + "/content/text~1csv/schema",
                "the export streams every row of its range; X-Next-Since lets a client fetch it in parts",
                EXPORT + "/content/application~1x-ndjson/schema",
                "the export streams every row of its range; X-Next-Since lets a client fetch it in parts"));
    }
}
