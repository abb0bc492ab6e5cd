package org.meridian.outcomes.research;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.meridian.outcomes.metrics.ResearchMetrics;
import org.meridian.outcomes.research.rest.AggregateResponse;
import org.meridian.outcomes.research.rest.CellResponse;
import org.meridian.outcomes.research.stats.MeanInterval;
import org.meridian.outcomes.research.stats.Proportion;
import org.meridian.outcomes.research.suppression.CellSuppression;
import org.meridian.outcomes.research.suppression.TableGrid;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;
import org.meridian.outcomes.service.InstrumentRegistry;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.InvalidRequestException;

/**
 * Cohort aggregates for researchers: the database pairs baseline and follow-up and aggregates; this class lays the
 * sums out as the complete table, applies small-cell suppression and turns the shown sums into statistics (t
 * intervals, Wilson intervals, SRM, effect size).
 */
@ApplicationScoped
public class ResearchAggregateService {

    /** The largest table (cells, margins and dose bands included) an aggregate may have. */
    public static final int MAX_CELLS = 2_500;

    private final AggregateRepository repository;
    private final InstrumentRegistry instruments;
    private final ResearchConfig config;
    private final ResearchMetrics metrics;

    ResearchAggregateService(
            AggregateRepository repository,
            InstrumentRegistry instruments,
            ResearchConfig config,
            ResearchMetrics metrics) {
        this.repository = repository;
        this.instruments = instruments;
        this.config = config;
        this.metrics = metrics;
    }

    public AggregateResponse aggregate(AggregateQuery request) {
        InstrumentDefinition instrument = (request.instrumentVersion() == null
                        ? instruments.findCurrent(request.instrument())
                        : instruments.find(request.instrument(), request.instrumentVersion()))
                .orElseThrow(() -> new InvalidRequestException(
                        request.instrumentVersion() == null ? "instrument" : "instrumentVersion",
                        ErrorCode.NOT_FOUND,
                        "is not a known instrument" + (request.instrumentVersion() == null ? "" : " version")));
        if (!(instrument.changeRules() instanceof ChangeRules.Mcid mcid)) {
            throw new InvalidRequestException(
                    "instrument", ErrorCode.NOT_AN_OPTION, "is not a change-from-baseline measure");
        }
        AggregateQuery query = new AggregateQuery(
                instrument.code(),
                instrument.version(),
                request.clinicIds(),
                request.painSite(),
                request.chronicity(),
                request.ageBand(),
                request.sex(),
                request.followUpWeeks(),
                request.from(),
                request.to(),
                request.minSessions(),
                request.groupBy());
        Map<GroupDimension, List<String>> domains = domains(query);
        long cells = DoseBand.values().length + 1L;
        for (GroupDimension dimension : query.groupBy()) {
            cells *= domains.get(dimension).size() + 1L;
        }
        if (cells > MAX_CELLS) {
            throw new InvalidRequestException(
                    "groupBy",
                    ErrorCode.OUT_OF_RANGE,
                    "would make a table of " + cells + " cells (every value of each"
                            + " dimension, every dose band and their margins); at most " + MAX_CELLS
                            + ": group by fewer dimensions, or by clinic within fewer clinics");
        }
        AggregateRepository.Rules rules = new AggregateRepository.Rules(
                instrument.direction() == ScoreDirection.HIGHER_IS_BETTER,
                mcid.absoluteMcid().orElse(null),
                mcid.relativeRuleApplies());
        List<AggregateRow> rows = repository.aggregate(query, rules);
        return assemble(
                query,
                rows,
                domains,
                new RateRules(mcid.absoluteMcid().isPresent(), mcid.relativeRuleApplies()),
                config.minCellSize(),
                metrics);
    }

    /**
     * Which responder rules an instrument has: an absolute one (MCID), defined for every episode, and percent ones,
     * undefined at a baseline of 0. Deterioration is defined wherever either is.
     */
    record RateRules(boolean absolute, boolean relative) {}

    /** The rates of a cell, in response order, and how each splits the cell's episodes (met, not met, undefined). */
    private enum Rate {
        RESPONDER_MCID,
        IMPROVED_30,
        IMPROVED_50,
        DETERIORATION;

        boolean applies(RateRules rules) {
            return switch (this) {
                case RESPONDER_MCID -> rules.absolute();
                case IMPROVED_30, IMPROVED_50 -> rules.relative();
                case DETERIORATION -> rules.absolute() || rules.relative();
            };
        }

        /** Whether the rule can be undefined for an episode (a percent rule with nothing absolute to fall back on). */
        boolean mayBeUndefined(RateRules rules) {
            return this == IMPROVED_30 || this == IMPROVED_50 || (this == DETERIORATION && !rules.absolute());
        }

        long events(AggregateRow row) {
            return switch (this) {
                case RESPONDER_MCID -> row.responderMcid();
                case IMPROVED_30 -> row.improved30();
                case IMPROVED_50 -> row.improved50();
                case DETERIORATION -> row.deteriorated();
            };
        }

        long defined(AggregateRow row) {
            return switch (this) {
                case RESPONDER_MCID -> row.responderMcidDefined();
                case IMPROVED_30 -> row.improved30Defined();
                case IMPROVED_50 -> row.improved50Defined();
                case DETERIORATION -> row.deterioratedDefined();
            };
        }
    }

    /** The groups of each grouped dimension: fixed lists, and for clinics the ones asked for, else every known one. */
    private Map<GroupDimension, List<String>> domains(AggregateQuery query) {
        Map<GroupDimension, List<String>> domains = new EnumMap<>(GroupDimension.class);
        for (GroupDimension dimension : query.groupBy()) {
            if (dimension.domain() != null) {
                domains.put(dimension, dimension.domain());
            } else if (!query.clinicIds().isEmpty()) {
                domains.put(
                        dimension,
                        query.clinicIds().stream()
                                .map(UUID::toString)
                                .distinct()
                                .sorted()
                                .toList());
            } else {
                domains.put(dimension, repository.clinics());
            }
        }
        return domains;
    }

    /**
     * Lays the rows out as the complete table (every group of each dimension, every dose band, all margins, empty
     * ones included), suppresses small cells and what could narrow them, and returns the total, the groups, the
     * margins between them (subtotals) and the dose bands of each.
     *
     * @param domains the groups of each grouped dimension; a row's group outside them is a programming error
     */
    static AggregateResponse assemble(
            AggregateQuery query,
            List<AggregateRow> rows,
            Map<GroupDimension, List<String>> domains,
            RateRules rules,
            int minCellSize,
            ResearchMetrics metrics) {
        List<GroupDimension> dimensions = query.groupBy();
        int grouped = dimensions.size();
        int[] sizes = new int[grouped + 1];
        for (int d = 0; d < grouped; d++) {
            sizes[d] = domains.get(dimensions.get(d)).size();
        }
        sizes[grouped] = DoseBand.values().length;
        TableGrid grid = new TableGrid(sizes);
        AggregateRow[] byCell = new AggregateRow[grid.cellCount()];
        long[] patients = new long[grid.cellCount()];
        long[] episodes = new long[grid.cellCount()];
        for (AggregateRow row : rows) {
            int[] coordinates = new int[grouped + 1];
            for (int d = 0; d < grouped; d++) {
                List<String> domain = domains.get(dimensions.get(d));
                coordinates[d] = row.has(d) ? domain.indexOf(row.keys().get(d)) : domain.size();
                if (coordinates[d] < 0) {
                    throw new IllegalStateException(
                            "group " + row.keys().get(d) + " is not among the " + dimensions.get(d) + " groups");
                }
            }
            coordinates[grouped] = row.band() == null
                    ? DoseBand.values().length
                    : DoseBand.ofLabel(row.band()).ordinal();
            int cell = grid.cell(coordinates);
            byCell[cell] = row;
            patients[cell] = row.patients();
            episodes[cell] = row.episodes();
        }
        List<Rate> rates = java.util.Arrays.stream(Rate.values())
                .filter(rate -> rate.applies(rules))
                .toList();
        List<long[][]> rateLayers = new ArrayList<>();
        for (Rate rate : rates) {
            long[][] layers = new long[rate.mayBeUndefined(rules) ? 3 : 2][grid.cellCount()];
            for (int cell = 0; cell < grid.cellCount(); cell++) {
                AggregateRow row = byCell[cell];
                if (row != null) {
                    layers[0][cell] = rate.events(row);
                    layers[1][cell] = rate.defined(row) - rate.events(row);
                    if (layers.length == 3) {
                        layers[2][cell] = row.episodes() - rate.defined(row);
                    }
                }
            }
            rateLayers.add(layers);
        }
        CellSuppression.Decision decision = metrics.timeSuppression(
                () -> CellSuppression.suppress(grid, patients, episodes, rateLayers, minCellSize));
        metrics.fallbacks(decision.fallbacks());
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            metrics.cell(
                    !decision.countSuppressed()[cell]
                            ? ResearchMetrics.Suppression.NONE
                            : patients[cell] < minCellSize
                                    ? ResearchMetrics.Suppression.PRIMARY
                                    : ResearchMetrics.Suppression.COMPLEMENTARY);
        }
        Map<Rate, boolean[]> rateSuppressed = new EnumMap<>(Rate.class);
        for (int r = 0; r < rates.size(); r++) {
            rateSuppressed.put(rates.get(r), decision.rateSuppressed().get(r));
        }
        boolean[] suppressed = decision.countSuppressed();

        int allBands = DoseBand.values().length;
        int groupMask = (1 << grouped) - 1;
        List<Integer> tops = new ArrayList<>();
        for (int cell = 0; cell < grid.cellCount(); cell++) {
            if (grid.isAll(cell, grouped)) {
                tops.add(cell);
            }
        }
        // the total, then the margins by how many dimensions they break down, then the groups; each in domain order
        tops.sort(Comparator.comparingInt((Integer cell) -> Integer.bitCount(grid.valueDimensions(cell)))
                .thenComparingInt(grid::valueDimensions)
                .thenComparing(cell -> orderKey(grid, cell, grouped)));
        CellResponse total = null;
        List<CellResponse> groups = new ArrayList<>();
        List<CellResponse> subtotals = new ArrayList<>();
        for (int cell : tops) {
            List<CellResponse> doseResponse = new ArrayList<>();
            for (int band = 0; band < allBands; band++) {
                int bandCell = grid.with(cell, grouped, band);
                doseResponse.add(cell(
                        query,
                        domains,
                        grid,
                        bandCell,
                        byCell[bandCell],
                        suppressed[bandCell],
                        DoseBand.values()[band].label(),
                        rateSuppressed,
                        null));
            }
            CellResponse response = cell(
                    query, domains, grid, cell, byCell[cell], suppressed[cell], null, rateSuppressed, doseResponse);
            int values = grid.valueDimensions(cell);
            if (values == 0) {
                total = response;
            } else if (values == groupMask) {
                groups.add(response);
            } else {
                subtotals.add(response);
            }
        }
        List<String> groupBy = dimensions.stream().map(GroupDimension::jsonName).toList();
        return new AggregateResponse(
                query.instrument(),
                query.instrumentVersion(),
                query.followUpWeeks(),
                minCellSize,
                groupBy,
                total,
                groups,
                subtotals);
    }

    private static String orderKey(TableGrid grid, int cell, int grouped) {
        StringBuilder key = new StringBuilder();
        for (int d = 0; d < grouped; d++) {
            key.append(String.format("%06d", grid.coordinate(cell, d)));
        }
        return key.toString();
    }

    private static Map<String, String> group(
            AggregateQuery query, Map<GroupDimension, List<String>> domains, TableGrid grid, int cell) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int d = 0; d < query.groupBy().size(); d++) {
            if (!grid.isAll(cell, d)) {
                GroupDimension dimension = query.groupBy().get(d);
                group.put(dimension.jsonName(), domains.get(dimension).get(grid.coordinate(cell, d)));
            }
        }
        return group;
    }

    private static CellResponse cell(
            AggregateQuery query,
            Map<GroupDimension, List<String>> domains,
            TableGrid grid,
            int cell,
            AggregateRow row,
            boolean suppressed,
            String band,
            Map<Rate, boolean[]> rateSuppressed,
            List<CellResponse> doseResponse) {
        Map<String, String> group = group(query, domains, grid, cell);
        if (suppressed || row == null) {
            return new CellResponse(
                    group, band, true, null, null, null, null, null, null, null, null, null, null, doseResponse);
        }
        MeanInterval change = MeanInterval.of(row.episodes(), row.changeMean(), row.changeSd());
        return new CellResponse(
                group,
                band,
                false,
                row.episodes(),
                new CellResponse.MeanResponse(round(row.baselineMean()), round(row.baselineSd()), null, null),
                new CellResponse.MeanResponse(round(row.followUpMean()), round(row.followUpSd()), null, null),
                new CellResponse.MeanResponse(
                        round(change.mean()), round(change.sd()), round(change.lower()), round(change.upper())),
                ratio(row.changeMean(), row.changeSd()),
                ratio(row.changeMean(), row.baselineSd()),
                rate(Rate.RESPONDER_MCID, row, cell, rateSuppressed),
                rate(Rate.IMPROVED_30, row, cell, rateSuppressed),
                rate(Rate.IMPROVED_50, row, cell, rateSuppressed),
                rate(Rate.DETERIORATION, row, cell, rateSuppressed),
                doseResponse);
    }

    private static BigDecimal ratio(double numerator, Double denominator) {
        return denominator == null || denominator == 0 ? null : round(numerator / denominator);
    }

    /** A rate, unless suppressed (see {@link CellSuppression}) or undefined for every episode of the cell. */
    private static CellResponse.RateResponse rate(
            Rate rule, AggregateRow row, int cell, Map<Rate, boolean[]> rateSuppressed) {
        boolean[] suppressed = rateSuppressed.get(rule);
        long n = rule.defined(row);
        if (suppressed == null || suppressed[cell] || n == 0) {
            return null;
        }
        long events = rule.events(row);
        Proportion proportion = Proportion.wilson(events, n);
        return new CellResponse.RateResponse(
                n, round(proportion.rate()), round(proportion.lower()), round(proportion.upper()));
    }

    static BigDecimal round(Double value) {
        return value == null || value.isNaN() || value.isInfinite()
                ? null
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
