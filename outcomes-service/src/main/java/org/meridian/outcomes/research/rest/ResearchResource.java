package org.meridian.outcomes.research.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.outcomes.research.AggregateQuery;
import org.meridian.outcomes.research.GroupDimension;
import org.meridian.outcomes.research.ResearchAggregateService;
import org.meridian.outcomes.research.ResearchConfig;
import org.meridian.outcomes.research.export.AssessmentExporter;
import org.meridian.outcomes.research.export.ExportCursor;
import org.meridian.outcomes.research.export.ExportFormat;
import org.meridian.outcomes.research.export.Pseudonymizer;
import org.meridian.platform.audit.AuditQuery;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.InvalidRequestException;
import org.meridian.platform.web.problem.ProblemDetail;

@Path("/api/v1/outcomes/research")
@Tag(
        name = "Research",
        description =
                "De-identified cohort aggregates with small-cell suppression, and pseudonymous row-level exports of consenting patients")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "400",
        description = "A malformed or unknown query parameter",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "validation-error", value = ResearchExamples.BAD_GROUP_BY)))
@APIResponse(
        responseCode = "401",
        description = "No or invalid access token",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "unauthenticated", value = ResearchExamples.UNAUTHENTICATED)))
@APIResponse(
        responseCode = "403",
        description = "Aggregates: any role but researcher. Exports: any role but research-export",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "forbidden", value = ResearchExamples.FORBIDDEN)))
public class ResearchResource {

    public static final String NEXT_SINCE = "X-Next-Since";
    public static final String WITHHELD_PATIENTS = "X-Withheld-Patients";
    public static final String CLINIC_WITHHELD_PATIENTS = "X-Clinic-Withheld-Patients";
    public static final String WITHHELD_ROWS = "X-Withheld-Rows";
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final ResearchAggregateService aggregates;
    private final AssessmentExporter exporter;
    private final ResearchConfig config;

    ResearchResource(ResearchAggregateService aggregates, AssessmentExporter exporter, ResearchConfig config) {
        this.aggregates = aggregates;
        this.exporter = exporter;
        this.config = config;
    }

    @GET
    @Path("/aggregates")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.RESEARCHER)
    @AuditQuery
    @Operation(
            operationId = "getResearchAggregates",
            summary = "Cohort aggregate of change from baseline",
            description = """
            Only patients whose research consent is active count (a withdrawal applies from the next call). The unit is
            the patient-episode: baseline = its first BASELINE assessment of the instrument version, else its earliest
            PRE_SESSION one; follow-up = its latest FOLLOW_UP at followUpWeeks when given, else its latest assessment
            after the baseline that is not POST_SESSION. Per cell: patients, baseline and follow-up mean/SD, mean change
            (follow-up - baseline) with its 95 % t interval, standardized response mean (mean change / SD change),
            effect size (mean change / SD baseline), responder rates at the absolute MCID, >= 30 % and >= 50 %
            improvement and deterioration, with 95 % Wilson intervals, decided on exact fractions; and the same by
            sessions held by the follow-up (0, 1-3, 4-6, 7-9, 10-12, 13+). With several groupBy dimensions,
            subtotals are the table's margins. Every group of each dimension (NOT_RECORDED included) and every dose
            band is listed, empty or not. A cell of fewer than k patients (MERIDIAN_RESEARCH_MIN_CELL_SIZE, 11), an
            empty one included, is suppressed with all its statistics, and further cells are suppressed until, for
            every cell of 1 to k-1 patients, the counts consistent with what is shown (sums, no count below zero)
            include both 0 and k, also with what the same query grouped by fewer dimensions shows (audited by linear
            programming). A suppressed cell does not say why. A rate is shown only when at least k patient-episodes
            meet its rule and at least k do not.""")
    @APIResponse(
            responseCode = "200",
            description = "The aggregate",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AggregateResponse.class),
                            examples = @ExampleObject(name = "odi-by-sex", value = ResearchExamples.AGGREGATE)))
    public AggregateResponse aggregate(
            @Parameter(
                            description = "instrument code (a change measure)",
                            required = true,
                            example = "ODI",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "NRS_BACK_PAIN",
                                                "NRS_LEG_PAIN",
                                                "ODI",
                                                "RMDQ",
                                                "PEG",
                                                "PROMIS_PI_4A",
                                                "NIH_ISS",
                                                "VAS_PAIN"
                                            }))
                    @QueryParam("instrument")
                    String instrument,
            @Parameter(description = "instrument version; default the current one", example = "2.1a")
                    @QueryParam("instrumentVersion")
                    @Size(max = ResearchParams.MAX_CODE)
                    String instrumentVersion,
            @Parameter(
                            description = "clinic ids (repeat or comma-separate)",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = java.util.UUID.class,
                                            maxItems = ResearchParams.MAX_CLINICS))
                    @QueryParam("clinicId")
                    List<String> clinicIds,
            @Parameter(description = "patients with this pain site among theirs", example = "LOW_BACK")
                    @QueryParam("painSite")
                    @Size(max = ResearchParams.MAX_CODE)
                    String painSite,
            @Parameter(description = "chronicity", example = "CHRONIC")
                    @QueryParam("chronicity")
                    @Size(max = ResearchParams.MAX_CODE)
                    String chronicity,
            @Parameter(description = "age band", example = "40-49")
                    @QueryParam("ageBand")
                    @Size(max = ResearchParams.MAX_CODE)
                    String ageBand,
            @Parameter(description = "sex", example = "FEMALE") @QueryParam("sex") @Size(max = ResearchParams.MAX_CODE)
                    String sex,
            @Parameter(
                            description =
                                    "follow-up timepoint in weeks after the episode's start (FOLLOW_UP assessments labelled so)",
                            example = "12",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "0",
                                            maximum = "520"))
                    @QueryParam("followUpWeeks")
                    String followUpWeeks,
            @Parameter(
                            description = "only assessments answered at or after this instant",
                            example = "2026-01-01T00:00:00Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "only assessments answered before this instant",
                            example = "2027-01-01T00:00:00Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description =
                                    "only patient-episodes with at least this many sessions held by the follow-up",
                            example = "4",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "0",
                                            maximum = "1000"))
                    @QueryParam("minSessions")
                    String minSessions,
            @Parameter(
                            description =
                                    "group by any of CLINIC, PAIN_SITES, CHRONICITY, AGE_BAND, SEX (repeat or comma-separate)",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = GroupDimension.class,
                                            maxItems = ResearchParams.MAX_GROUP_BY))
                    @QueryParam("groupBy")
                    List<String> groupBy) {
        if (instrument == null || instrument.isBlank()) {
            throw new InvalidRequestException("instrument", ErrorCode.REQUIRED, "is required");
        }
        AggregateQuery query = new AggregateQuery(
                ResearchParams.code("instrument", instrument),
                ResearchParams.code("instrumentVersion", instrumentVersion),
                ResearchParams.uuids("clinicId", clinicIds, ResearchParams.MAX_CLINICS),
                ResearchParams.code("painSite", painSite),
                ResearchParams.code("chronicity", chronicity),
                ResearchParams.code("ageBand", ageBand),
                ResearchParams.code("sex", sex),
                ResearchParams.integer("followUpWeeks", followUpWeeks, 0, 520),
                ResearchParams.instant("from", from),
                ResearchParams.instant("to", to),
                ResearchParams.integer("minSessions", minSessions, 0, 1000),
                ResearchParams.enums("groupBy", groupBy, GroupDimension.class, ResearchParams.MAX_GROUP_BY));
        return aggregates.aggregate(query);
    }

    @GET
    @Path("/exports/assessments")
    @Produces({"text/csv", "application/x-ndjson"})
    @RolesAllowed(Roles.RESEARCH_EXPORT)
    @AuditQuery
    @Operation(
            operationId = "exportResearchAssessments",
            summary = "Row-level export of consenting patients' scored assessments",
            description = """
            Only for the research-export role, granted per approved data-use agreement (every call is audited with
            its query). One row per scored assessment, streamed in the order it was received. De-identified: patient
            and clinic are pseudonyms of this project only (HMAC-SHA256 with a key derived from the server secret
            and the project, so exports of two projects cannot be linked); dates become days since the episode's
            start; no names, birth dates, contact data, exact dates or internal ids. Quasi-identifiers are coarsened
            (age in bands of 0-39, 40-59, 60+; pain sites reduced to whether any is sciatica) and k-anonymous: a
            patient is exported only if at least k patients share their clinic, age band, sex, sciatica and
            chronicity; failing that, without their clinic if at least k such patients share the rest; otherwise
            not at all (the X-Withheld headers count them). Change from baseline and the responder flags are decided
            on exact fractions. The X-Next-Since header is the cursor to pass as since next time to get only what was
            received later.""")
    @APIResponse(
            responseCode = "200",
            description = "The rows",
            headers = {
                @Header(
                        name = NEXT_SINCE,
                        description = "cursor after the last row this export can contain",
                        schema = @Schema(type = SchemaType.STRING, maxLength = ExportCursor.MAX_SINCE)),
                @Header(
                        name = WITHHELD_PATIENTS,
                        description =
                                "consenting patients left out of exports: fewer than k share their quasi-identifiers, even without the clinic",
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807")),
                @Header(
                        name = CLINIC_WITHHELD_PATIENTS,
                        description = "consenting patients exported without their clinic (too few share it)",
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807")),
                @Header(
                        name = WITHHELD_ROWS,
                        description = "rows in this export's range left out because their patient is withheld",
                        schema =
                                @Schema(
                                        type = SchemaType.INTEGER,
                                        format = "int64",
                                        minimum = "0",
                                        maximum = "9223372036854775807"))
            },
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ResearchExamples.CSV)),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "503",
            description = "No pseudonymisation secret is configured (MERIDIAN_RESEARCH_PSEUDONYM_SECRET)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public Response exportAssessments(
            @Parameter(
                            description = "csv (default) or ndjson",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"csv", "ndjson"}))
                    @QueryParam("format")
                    String format,
            @Parameter(
                            description =
                                    "an X-Next-Since cursor from an earlier export, or an ISO 8601 instant (rows received at or after it)")
                    @QueryParam("since")
                    @Size(max = ExportCursor.MAX_SINCE)
                    String since,
            @Parameter(
                            description = "the research project the pseudonyms are made for",
                            required = true,
                            example = "lbp-dose-2026")
                    @QueryParam("project")
                    @Size(max = 64)
                    String project) {
        ExportFormat exportFormat = exportFormat(format);
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw new InvalidRequestException(
                    "project",
                    ErrorCode.INVALID_FORMAT,
                    "is required: 1-64 letters, digits or ._- starting with a letter or digit");
        }
        ExportCursor from = parseSince(since);
        String secret = config.pseudonymSecret()
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new ServiceUnavailableException(
                        "Exports are disabled until a pseudonymisation secret is configured"));
        Optional<ExportCursor> last = exporter.lastRow();
        ExportCursor until = last.filter(bound -> compare(bound, from) > 0).orElse(from);
        Pseudonymizer pseudonyms = new Pseudonymizer(secret, project);
        AssessmentExporter.Withheld withheld = exporter.withheld(from, until);
        StreamingOutput body = output -> exporter.write(output, exportFormat, pseudonyms, from, until);
        return Response.ok(body, exportFormat.mediaType() + "; charset=UTF-8")
                .header(NEXT_SINCE, until.token())
                .header(WITHHELD_PATIENTS, withheld.patients())
                .header(CLINIC_WITHHELD_PATIENTS, withheld.clinicWithheld())
                .header(WITHHELD_ROWS, withheld.rows())
                .header("Cache-Control", "no-store")
                .build();
    }

    private static int compare(ExportCursor left, ExportCursor right) {
        int byTime = left.receivedAt().compareTo(right.receivedAt());
        return byTime != 0 ? byTime : compareUuids(left, right);
    }

    /** PostgreSQL orders uuids as unsigned bytes; Java's UUID.compareTo is signed, so compare as PostgreSQL does. */
    private static int compareUuids(ExportCursor left, ExportCursor right) {
        int high = Long.compareUnsigned(
                left.id().getMostSignificantBits(), right.id().getMostSignificantBits());
        return high != 0
                ? high
                : Long.compareUnsigned(
                        left.id().getLeastSignificantBits(), right.id().getLeastSignificantBits());
    }

    private static ExportFormat exportFormat(String format) {
        if (format == null || format.isBlank()) {
            return ExportFormat.CSV;
        }
        try {
            return ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("format", ErrorCode.NOT_AN_OPTION, "must be csv or ndjson");
        }
    }

    private static ExportCursor parseSince(String since) {
        if (since == null || since.isBlank()) {
            return new ExportCursor(java.time.Instant.EPOCH, new java.util.UUID(0, 0));
        }
        try {
            return ExportCursor.parse(since.strip());
        } catch (RuntimeException e) {
            throw new InvalidRequestException(
                    "since",
                    ErrorCode.INVALID_FORMAT,
                    "must be an X-Next-Since cursor or an ISO 8601 date-time with offset");
        }
    }
}
