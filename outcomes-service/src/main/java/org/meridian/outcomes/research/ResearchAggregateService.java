package org.meridian.outcomes.research;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meridian.outcomes.research.rest.AggregateResponse;
import org.meridian.outcomes.research.rest.CellResponse;
import org.meridian.outcomes.research.stats.MeanInterval;
import org.meridian.outcomes.research.stats.Proportion;
import org.meridian.outcomes.research.suppression.SuppressionReason;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;
import org.meridian.outcomes.service.InstrumentRegistry;
import org.meridian.outcomes.service.InvalidRequestException;

/**
 * Cohort aggregates for researchers: the database pairs baseline and follow-up and aggregates; this class turns the
 * sums into statistics (t intervals, Wilson intervals, SRM, effect size) and applies small-cell suppression.
 */
@ApplicationScoped
public class ResearchAggregateService {

    private final AggregateRepository repository;
    private final InstrumentRegistry instruments;
    private final ResearchConfig config;

    ResearchAggregateService(AggregateRepository repository, InstrumentRegistry instruments, ResearchConfig config) {
        this.repository = repository;
        this.instruments = instruments;
        this.config = config;
    }

    public AggregateResponse aggregate(AggregateQuery request) {
        InstrumentDefinition instrument = (request.instrumentVersion() == null
                ? instruments.findCurrent(request.instrument())
                : instruments.find(request.instrument(), request.instrumentVersion()))
                .orElseThrow(() -> new InvalidRequestException(request.instrumentVersion() == null ? "instrument" : "instrumentVersion",
                        "is not a known instrument" + (request.instrumentVersion() == null ? "" : " version")));
        if (!(instrument.changeRules() instanceof ChangeRules.Mcid mcid)) {
            throw new InvalidRequestException("instrument", "is not a change-from-baseline measure");
        }
        AggregateQuery query = new AggregateQuery(instrument.code(), instrument.version(), request.clinicIds(),
                request.painSite(), request.chronicity(), request.ageBand(), request.sex(), request.followUpWeeks(),
                request.from(), request.to(), request.minSessions(), request.groupBy());
        AggregateRepository.Rules rules = new AggregateRepository.Rules(
                instrument.direction() == ScoreDirection.HIGHER_IS_BETTER, mcid.absoluteMcid().orElse(null),
                mcid.relativeRuleApplies());
        List<AggregateRow> rows = repository.aggregate(query, rules);
        return assemble(query, rows, config.minCellSize());
    }

    /**
     * Arranges the rows as the total, the groups, the margins between them (subtotals) and the dose bands of each,
     * then suppresses small cells and their complements over every additive relation between them.
     */
    static AggregateResponse assemble(AggregateQuery query, List<AggregateRow> rows, int minCellSize) {
        int dimensionCount = query.groupBy().size();
        int allDimensions = (1 << dimensionCount) - 1;
        List<AggregateRow> cells = new ArrayList<>(rows.stream()
                .sorted(Comparator.comparingInt((AggregateRow row) -> Integer.bitCount(row.dimensions()))
                        .thenComparingInt(AggregateRow::dimensions)
                        .thenComparing(ResearchAggregateService::sortKey))
                .toList());
        if (cells.isEmpty()) { // nobody matched: an empty total, shown as a suppressed cell
            cells.add(new AggregateRow(0, Collections.nCopies(dimensionCount, null), null, 0, 0, 0, null, 0, null, 0,
                    null, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        Map<CellKey, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            index.put(CellKey.of(cells.get(i)), i);
        }

        // Each cell broken down by one more dimension (or by dose band) is the sum of the finer cells.
        Map<List<Integer>, List<Integer>> relations = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            AggregateRow cell = cells.get(i);
            CellKey key = CellKey.of(cell);
            for (int d = 0; d < dimensionCount; d++) {
                if (cell.has(d)) {
                    Integer parent = index.get(key.without(d));
                    relations.computeIfAbsent(List.of(parent, d), k -> new ArrayList<>()).add(i);
                }
            }
            if (cell.band() != null) {
                Integer parent = index.get(key.withoutBand());
                relations.computeIfAbsent(List.of(parent, -1), k -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, SuppressionReason> suppressed = new GroupingSuppression(cells, relations, minCellSize)
                .pattern(allDimensions);

        List<AggregateResponse.SuppressedCell> notes = new ArrayList<>();
        for (Map.Entry<Integer, SuppressionReason> entry : suppressed.entrySet()) {
            AggregateRow row = cells.get(entry.getKey());
            notes.add(new AggregateResponse.SuppressedCell(label(query, row), entry.getValue().name(),
                    entry.getValue() == SuppressionReason.PRIMARY
                            ? "fewer than " + minCellSize + " patients"
                            : "hidden so that a suppressed cell cannot be derived by subtraction from a total"));
        }
        notes.sort(Comparator.comparing(AggregateResponse.SuppressedCell::reason).reversed()
                .thenComparing(AggregateResponse.SuppressedCell::cell));

        CellResponse totalCell = null;
        List<CellResponse> groupCells = new ArrayList<>();
        List<CellResponse> subtotalCells = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            AggregateRow row = cells.get(i);
            if (row.band() != null) {
                continue;
            }
            List<CellResponse> doseResponse = new ArrayList<>();
            for (Integer band : relations.getOrDefault(List.of(i, -1), List.of())) {
                doseResponse.add(cell(query, cells.get(band), suppressed.get(band), null));
            }
            doseResponse.sort(Comparator.comparing(band -> DoseBand.ofLabel(band.sessions())));
            CellResponse response = cell(query, row, suppressed.get(i), doseResponse);
            if (row.dimensions() == 0) {
                totalCell = response;
            } else if (row.dimensions() == allDimensions) {
                groupCells.add(response);
            } else {
                subtotalCells.add(response);
            }
        }
        List<String> groupBy = query.groupBy().stream().map(GroupDimension::jsonName).toList();
        return new AggregateResponse(query.instrument(), query.instrumentVersion(), query.followUpWeeks(), minCellSize,
                groupBy, totalCell, groupCells, subtotalCells, notes);
    }

    /** A cell's place in the table: the dimensions it is broken down by, their values, and its dose band. */
    private record CellKey(int dimensions, List<String> keys, String band) {

        static CellKey of(AggregateRow row) {
            return new CellKey(row.dimensions(), row.keys(), row.band());
        }

        CellKey without(int dimension) {
            List<String> coarser = new ArrayList<>(keys);
            coarser.set(dimension, null);
            return new CellKey(dimensions & ~(1 << dimension), coarser, band);
        }

        CellKey withoutBand() {
            return new CellKey(dimensions, keys, null);
        }
    }

    private static String sortKey(AggregateRow row) {
        String keys = String.join("\u0001", row.keys().stream().map(k -> k == null ? "" : k).toList());
        String band = row.band() == null ? "" : String.format("%02d", DoseBand.ofLabel(row.band()).ordinal());
        return keys + "\u0000" + band;
    }

    private static String label(AggregateQuery query, AggregateRow row) {
        List<String> parts = new ArrayList<>();
        group(query, row).forEach((dimension, value) -> parts.add(dimension + "=" + value));
        if (parts.isEmpty()) {
            parts.add("total");
        }
        if (row.band() != null) {
            parts.add("sessions=" + row.band());
        }
        return String.join(", ", parts);
    }

    private static Map<String, String> group(AggregateQuery query, AggregateRow row) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < query.groupBy().size(); i++) {
            if (row.has(i)) {
                group.put(query.groupBy().get(i).jsonName(), row.keys().get(i));
            }
        }
        return group;
    }

    private static CellResponse cell(AggregateQuery query, AggregateRow row, SuppressionReason reason,
            List<CellResponse> doseResponse) {
        if (reason != null) {
            return new CellResponse(group(query, row), row.band(), true, reason.name(), null, null, null, null, null,
                    null, null, null, null, null, null, doseResponse);
        }
        MeanInterval change = MeanInterval.of(row.episodes(), row.changeMean(), row.changeSd());
        return new CellResponse(group(query, row), row.band(), false, null, row.patients(), row.episodes(),
                new CellResponse.MeanResponse(round(row.baselineMean()), round(row.baselineSd()), null, null),
                new CellResponse.MeanResponse(round(row.followUpMean()), round(row.followUpSd()), null, null),
                new CellResponse.MeanResponse(round(change.mean()), round(change.sd()), round(change.lower()), round(change.upper())),
                ratio(row.changeMean(), row.changeSd()), ratio(row.changeMean(), row.baselineSd()),
                rate(row.responderMcid(), row.responderMcidDefined()),
                rate(row.improved30(), row.improved30Defined()),
                rate(row.improved50(), row.improved50Defined()),
                rate(row.deteriorated(), row.deterioratedDefined()),
                doseResponse);
    }

    private static BigDecimal ratio(double numerator, Double denominator) {
        return denominator == null || denominator == 0 ? null : round(numerator / denominator);
    }

    private static CellResponse.RateResponse rate(long events, long n) {
        if (n == 0) {
            return null;
        }
        Proportion proportion = Proportion.wilson(events, n);
        return new CellResponse.RateResponse(n, round(proportion.rate()), round(proportion.lower()), round(proportion.upper()));
    }

    static BigDecimal round(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null
                : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
