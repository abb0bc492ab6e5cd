package org.meridian.outcomes.research.rest;

/** Examples for the OpenAPI description of the research endpoints. */
final class ResearchExamples {

    static final String AGGREGATE = """
            {"instrument": "ODI", "instrumentVersion": "2.1a", "followUpWeeks": 12, "minCellSize": 11,
             "groupBy": ["sex"],
             "total": {"group": {}, "sessions": null, "suppressed": false, "patientEpisodes": 31,
                       "baseline": {"mean": 42.1290, "sd": 11.2034, "ciLower": null, "ciUpper": null},
                       "followUp": {"mean": 27.3548, "sd": 12.8810, "ciLower": null, "ciUpper": null},
                       "change": {"mean": -14.7742, "sd": 9.6126, "ciLower": -18.3001, "ciUpper": -11.2483},
                       "standardizedResponseMean": -1.5370, "effectSize": -1.3187,
                       "responderMcid": {"n": 31, "rate": 0.6452, "ciLower": 0.4686, "ciUpper": 0.7897},
                       "improved30Percent": {"n": 31, "rate": 0.5484, "ciLower": 0.3776, "ciUpper": 0.7088},
                       "improved50Percent": null, "deterioration": null,
                       "doseResponse": [{"group": {}, "sessions": "0", "suppressed": true},
                                        {"group": {}, "sessions": "1-3", "suppressed": true},
                                        {"group": {}, "sessions": "4-6", "suppressed": true},
                                        {"group": {}, "sessions": "7-9", "suppressed": true},
                                        {"group": {}, "sessions": "10-12", "suppressed": false, "patientEpisodes": 14},
                                        {"group": {}, "sessions": "13+", "suppressed": true}]},
             "groups": [{"group": {"sex": "FEMALE"}, "suppressed": false, "patientEpisodes": 22},
                        {"group": {"sex": "MALE"}, "suppressed": true},
                        {"group": {"sex": "OTHER"}, "suppressed": true},
                        {"group": {"sex": "UNKNOWN"}, "suppressed": true},
                        {"group": {"sex": "NOT_RECORDED"}, "suppressed": true}],
             "subtotals": []}""";

    static final String CSV = """
            patient,clinic,ageBand,sex,sciatica,chronicity,instrument,instrumentVersion,timepoint,followUpWeeks,daysSinceEpisodeStart,sessionNumber,score,changeFromBaseline,responderAbsolute,responderRelative,improved50Percent,deteriorationAbsolute,deteriorationRelative
            3f9a0c2e51b7d4a8e6f1c0b9a2d3e4f5,8c1d2e3f4a5b6c7d,40-59,FEMALE,true,CHRONIC,ODI,2.1a,BASELINE,,-1,,66.6667,,,,,,
            3f9a0c2e51b7d4a8e6f1c0b9a2d3e4f5,8c1d2e3f4a5b6c7d,40-59,FEMALE,true,CHRONIC,ODI,2.1a,FOLLOW_UP,12,84,,46.6667,-20.0000,true,true,false,false,false
            a81b0e3c9d2f4e5a6b7c8d9e0f1a2b3c,,60+,OTHER,false,NOT_CHRONIC,NRS_BACK_PAIN,1.0,BASELINE,,0,,7,,,,,,
            """;

    static final String BAD_GROUP_BY = """
            {"type": "urn:meridian:problem:validation-error", "title": "Invalid request", "status": 400,
             "detail": "1 field is invalid: groupBy", "instance": "/api/v1/outcomes/research/aggregates",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "groupBy", "code": "not_an_option", "message": "must be among [CLINIC, PAIN_SITES, CHRONICITY, AGE_BAND, SEX]"}]}""";

    static final String UNAUTHENTICATED = """
            {"type": "urn:meridian:problem:unauthenticated", "title": "Unauthorized", "status": 401,
             "detail": "This API needs a valid access token: send 'Authorization: Bearer <JWT>'",
             "instance": "/api/v1/outcomes/research/aggregates", "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String FORBIDDEN = """
            {"type": "urn:meridian:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role may not perform this operation",
             "instance": "/api/v1/outcomes/research/aggregates", "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    private ResearchExamples() {}
}
